using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VerificationLogAndSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignalId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionLeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Codes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FirstSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ResolutionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerificationLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NumberAsked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    ItemCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CategoryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ClaimedFirstIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AccountName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Origin = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionLeads_RegionCode_RaisedAt",
                table: "InspectionLeads",
                columns: new[] { "RegionCode", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_Kind_Subject_State",
                table: "Signals",
                columns: new[] { "Kind", "Subject", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_RegionCode_State_LastSeen",
                table: "Signals",
                columns: new[] { "RegionCode", "State", "LastSeen" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLog_At",
                table: "VerificationLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLog_CertificateId_At",
                table: "VerificationLog",
                columns: new[] { "CertificateId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLog_NumberAsked_At",
                table: "VerificationLog",
                columns: new[] { "NumberAsked", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLog_Origin_At",
                table: "VerificationLog",
                columns: new[] { "Origin", "At" });

            // Checks are evidence: the log cannot be edited, and only entries past the shortest retention can be purged.
            migrationBuilder.Sql("""
                CREATE FUNCTION verification_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND OLD."At" < now() - interval '30 days' THEN RETURN OLD; END IF;
                    RAISE EXCEPTION 'verification log is append-only';
                END; $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "VerificationLog_AppendOnly" BEFORE UPDATE OR DELETE ON "VerificationLog"
                FOR EACH ROW EXECUTE FUNCTION verification_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"VerificationLog_AppendOnly\" ON \"VerificationLog\";");
            migrationBuilder.Sql("DROP FUNCTION verification_log_append_only();");
            migrationBuilder.DropTable(
                name: "InspectionLeads");

            migrationBuilder.DropTable(
                name: "Signals");

            migrationBuilder.DropTable(
                name: "VerificationLog");
        }
    }
}
