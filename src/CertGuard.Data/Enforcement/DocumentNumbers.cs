using CertGuard.Core.Enforcement.Documents;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Enforcement;

/// <summary>
/// Hands out document numbers per authority, kind and year without gaps from races and without duplicates: one
/// INSERT … ON CONFLICT DO UPDATE … RETURNING statement (SQLite ≥ 3.35 and PostgreSQL) creates or advances the
/// counter and reads the value in the same atomic step, so two requests never get the same number. Inside a caller's
/// transaction the row stays locked until it commits (PostgreSQL) or the database is write-locked (SQLite), so a
/// rolled-back document gives its number back.
/// </summary>
public static class DocumentNumbers
{
    public const string Table = "DocumentNumberCounters";

    /// <summary>The sequence number for the next document (1 for the first of the year).</summary>
    public static async Task<int> NextAsync(CertGuardDbContext db, string authorityCode, CaseDocumentKind kind, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorityCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(authorityCode.Length, DocumentNumberCounter.AuthorityCodeMaxLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var kindName = kind.ToString();
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO "DocumentNumberCounters" ("AuthorityCode", "Kind", "Year", "Next")
            VALUES ({authorityCode}, {kindName}, {year}, 2)
            ON CONFLICT ("AuthorityCode", "Kind", "Year") DO UPDATE SET "Next" = "DocumentNumberCounters"."Next" + 1
            RETURNING "Next" - 1 AS "Value"
            """).ToListAsync(ct);
        return values.Single();
    }

    /// <summary>The next number formatted by the authority's pattern: 穗应急罚〔2026〕12号.</summary>
    public static async Task<string> NextNumberAsync(CertGuardDbContext db, string authorityCode, DocumentNumberPattern pattern, CaseDocumentKind kind, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var sequence = await NextAsync(db, authorityCode, kind, year, ct);
        return pattern.Format(kind, year, sequence);
    }
}
