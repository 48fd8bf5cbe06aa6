using CertGuard.Core.WebWatch;

namespace CertGuard.Data.WebWatch;

public sealed record SuspectRow(Guid Id, string RegionCode, SuspectKind Kind, string Key, string Url, string Source, string? Platform, int Score,
    SuspectState State, Guid? ClusterId, string? Registrant, DateTimeOffset FoundAt, DateTimeOffset ChangedAt, int Version)
{
    public static SuspectRow Of(Suspect s) => new(s.Id, s.RegionCode, s.Kind, s.Key, s.Url, s.Source, s.Platform, s.Score, s.State, s.ClusterId, s.Registrant, s.FoundAt, s.ChangedAt, s.Version);
}

public sealed record SuspectDetail(Suspect Suspect, IReadOnlyList<SuspectReferral> Referrals, IReadOnlyList<CaptureSummary> Captures, IReadOnlyList<SuspectRow> Cluster);

public sealed record CaptureSummary(Guid Id, string Url, DateTimeOffset CapturedAt, string CapturedBy, int? StatusCode, string Addresses,
    string HtmlSha256, string HeadersSha256, string AddressesSha256, string? ScreenshotSha256, string? ScreenshotMissing,
    string HtmlFuzzyHash, string? ScreenshotHash, int? HtmlSimilarity, int? ScreenSimilarity);

public sealed record NewSuspect(string? Url, SuspectKind Kind, string Source, string? Platform, string? Note, string? Registrant, string? Contacts, string? RegionCode, int Score = 50);

public sealed record AddResult(SuspectRow Suspect, bool Existing);

public sealed record ImportResult(int Read, int Invalid, int Surfaced, int AlreadyKnown, IReadOnlyList<ImportedName> Names);

public sealed record ImportedName(string Domain, int Score, IReadOnlyList<string> Matched, Guid SuspectId, bool Existing);

public sealed record ScanResult(string Domain, int Generated, int Resolved, IReadOnlyList<ScanLine> Lines);

public sealed record ScanLine(string Domain, string Fuzzer, int Score, DnsVerdict Verdict, IReadOnlyList<string> Addresses, Guid? SuspectId);

public sealed record Measures(string RegionCode, int Found, int Confirmed, int Referred, int Closed, int ListingsRemoved, double? MedianDaysToClosure, int Reopened);
