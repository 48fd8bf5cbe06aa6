namespace CertGuard.Data.Verification;

/// <summary>
/// The PostgreSQL verification log partitioned by month of <c>At</c> (UTC months), in raw SQL because EF Core cannot
/// express declarative partitioning. Kept apart from the migration that runs it (WaveLogPartitions) so it can be
/// attached again to a regenerated migration. SQLite keeps one plain table.
/// <para>
/// What it builds: the partitioned table (same columns, found with <c>LIKE</c> so earlier column changes carry over),
/// its primary key <c>(Id, At)</c> (PostgreSQL requires the partition key in every unique index; the EF model keeps
/// <c>Id</c> alone, which stays unique in practice: a version-7 GUID carries its own time), the five indexes as
/// partitioned indexes (each partition gets its own), a default partition so a row outside every month still lands
/// somewhere, monthly partitions from the oldest existing row (at most three years back) to two months ahead, the
/// existing rows moved in, and the append-only trigger again (cloned onto every partition).
/// </para>
/// </summary>
public static class VerificationLogPartitioning
{
    /// <summary>The default partition: rows of a month that has no partition (far future, or older than the partitions).</summary>
    public const string DefaultPartition = "VerificationLog_default";

    /// <summary>The name of a month's partition, e.g. <c>VerificationLog_2026_12</c> for December 2026 (UTC).</summary>
    public static string PartitionOf(DateTimeOffset month) =>
        $"VerificationLog_{month.UtcDateTime:yyyy}_{month.UtcDateTime:MM}";

    /// <summary>
    /// <c>verification_log_ensure_partitions(first, last)</c> creates the missing monthly partitions from first's month
    /// to last's; a month whose rows already sit in the default partition is left there (a warning, not a failure).
    /// </summary>
    public const string EnsureFunction = """
        CREATE OR REPLACE FUNCTION verification_log_ensure_partitions(first_month timestamptz, last_month timestamptz)
        RETURNS integer LANGUAGE plpgsql AS $$
        DECLARE
            m timestamp := date_trunc('month', first_month AT TIME ZONE 'UTC');
            stop timestamp := date_trunc('month', last_month AT TIME ZONE 'UTC');
            part text;
            created integer := 0;
        BEGIN
            WHILE m <= stop LOOP
                part := 'VerificationLog_' || to_char(m, 'YYYY_MM');
                IF to_regclass(quote_ident(part)) IS NULL THEN
                    BEGIN
                        EXECUTE format('CREATE TABLE %I PARTITION OF "VerificationLog" FOR VALUES FROM (%L) TO (%L)',
                            part, m AT TIME ZONE 'UTC', (m + interval '1 month') AT TIME ZONE 'UTC');
                        created := created + 1;
                    EXCEPTION
                        WHEN check_violation THEN
                            RAISE WARNING 'verification log: partition % not created, the default partition holds rows of that month', part;
                        WHEN duplicate_table THEN
                            NULL;
                    END;
                END IF;
                m := m + interval '1 month';
            END LOOP;
            RETURN created;
        END $$;
        """;

    /// <summary>
    /// <c>verification_log_drop_partitions_before(cutoff)</c> detaches and drops every monthly partition whose range ends
    /// at or before the cut-off (so each of its rows is older), returning each one's name and row count. The database
    /// refuses a cut-off younger than the shortest retention (30 days), as the append-only trigger refuses to delete
    /// such rows one by one.
    /// </summary>
    public const string DropFunction = """
        CREATE OR REPLACE FUNCTION verification_log_drop_partitions_before(cutoff timestamptz)
        RETURNS TABLE(dropped text, entries bigint) LANGUAGE plpgsql AS $$
        DECLARE
            p record;
            upper_bound timestamptz;
        BEGIN
            IF cutoff > now() - interval '30 days' THEN
                RAISE EXCEPTION 'verification log is append-only: partitions younger than 30 days cannot be dropped';
            END IF;
            FOR p IN
                SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
                FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = '"VerificationLog"'::regclass
                ORDER BY c.relname
            LOOP
                CONTINUE WHEN p.bound = 'DEFAULT';
                upper_bound := substring(p.bound FROM 'TO \(''([^'']+)''\)')::timestamptz;
                CONTINUE WHEN upper_bound IS NULL OR upper_bound > cutoff;
                EXECUTE format('SELECT count(*) FROM %I', p.name) INTO entries;
                EXECUTE format('ALTER TABLE "VerificationLog" DETACH PARTITION %I', p.name);
                EXECUTE format('DROP TABLE %I', p.name);
                dropped := p.name;
                RETURN NEXT;
            END LOOP;
        END $$;
        """;

    /// <summary>Turns the plain table into the partitioned one and moves its rows (an upgrade; instant on an empty log).</summary>
    public const string Up = $$"""
        ALTER TABLE "VerificationLog" RENAME TO "VerificationLog_unpartitioned";
        DROP TRIGGER "VerificationLog_AppendOnly" ON "VerificationLog_unpartitioned";
        ALTER TABLE "VerificationLog_unpartitioned" DROP CONSTRAINT "PK_VerificationLog";
        DROP INDEX "IX_VerificationLog_At";
        DROP INDEX "IX_VerificationLog_CertificateId_At";
        DROP INDEX "IX_VerificationLog_NumberAsked_At";
        DROP INDEX "IX_VerificationLog_Origin_At";
        DROP INDEX "IX_VerificationLog_OrganisationId_At";

        CREATE TABLE "VerificationLog" (LIKE "VerificationLog_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
            PARTITION BY RANGE ("At");
        ALTER TABLE "VerificationLog" ADD CONSTRAINT "PK_VerificationLog" PRIMARY KEY ("Id", "At");
        CREATE INDEX "IX_VerificationLog_At" ON "VerificationLog" ("At");
        CREATE INDEX "IX_VerificationLog_CertificateId_At" ON "VerificationLog" ("CertificateId", "At");
        CREATE INDEX "IX_VerificationLog_NumberAsked_At" ON "VerificationLog" ("NumberAsked", "At");
        CREATE INDEX "IX_VerificationLog_Origin_At" ON "VerificationLog" ("Origin", "At");
        CREATE INDEX "IX_VerificationLog_OrganisationId_At" ON "VerificationLog" ("OrganisationId", "At");
        CREATE TABLE "{{DefaultPartition}}" PARTITION OF "VerificationLog" DEFAULT;

        {{EnsureFunction}}

        {{DropFunction}}

        SELECT verification_log_ensure_partitions(
            greatest(coalesce((SELECT min("At") FROM "VerificationLog_unpartitioned"), now()), now() - interval '3 years'),
            now() + interval '2 months');
        INSERT INTO "VerificationLog" SELECT * FROM "VerificationLog_unpartitioned";
        DROP TABLE "VerificationLog_unpartitioned";

        CREATE TRIGGER "VerificationLog_AppendOnly" BEFORE UPDATE OR DELETE ON "VerificationLog"
        FOR EACH ROW EXECUTE FUNCTION verification_log_append_only();
        """;

    /// <summary>Back to one plain table with the rows of every partition.</summary>
    public const string Down = """
        ALTER TABLE "VerificationLog" RENAME TO "VerificationLog_partitioned";
        DROP TRIGGER "VerificationLog_AppendOnly" ON "VerificationLog_partitioned";
        ALTER TABLE "VerificationLog_partitioned" DROP CONSTRAINT "PK_VerificationLog";
        DROP INDEX "IX_VerificationLog_At";
        DROP INDEX "IX_VerificationLog_CertificateId_At";
        DROP INDEX "IX_VerificationLog_NumberAsked_At";
        DROP INDEX "IX_VerificationLog_Origin_At";
        DROP INDEX "IX_VerificationLog_OrganisationId_At";

        CREATE TABLE "VerificationLog" (LIKE "VerificationLog_partitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
        INSERT INTO "VerificationLog" SELECT * FROM "VerificationLog_partitioned";
        DROP TABLE "VerificationLog_partitioned";
        ALTER TABLE "VerificationLog" ADD CONSTRAINT "PK_VerificationLog" PRIMARY KEY ("Id");
        CREATE INDEX "IX_VerificationLog_At" ON "VerificationLog" ("At");
        CREATE INDEX "IX_VerificationLog_CertificateId_At" ON "VerificationLog" ("CertificateId", "At");
        CREATE INDEX "IX_VerificationLog_NumberAsked_At" ON "VerificationLog" ("NumberAsked", "At");
        CREATE INDEX "IX_VerificationLog_Origin_At" ON "VerificationLog" ("Origin", "At");
        CREATE INDEX "IX_VerificationLog_OrganisationId_At" ON "VerificationLog" ("OrganisationId", "At");
        DROP FUNCTION verification_log_drop_partitions_before(timestamptz);
        DROP FUNCTION verification_log_ensure_partitions(timestamptz, timestamptz);

        CREATE TRIGGER "VerificationLog_AppendOnly" BEFORE UPDATE OR DELETE ON "VerificationLog"
        FOR EACH ROW EXECUTE FUNCTION verification_log_append_only();
        """;
}
