using CertGuard.Core.Enforcement.Cases;
using CertGuard.Core.Enforcement.Transfers;
using CertGuard.Data.Enforcement.Transfers;
using CertGuard.Web.Features.Enforcement.Cases;

namespace CertGuard.Web.Features.Enforcement.Transfers;

/// <summary>A transfer as the API returns it: its state, report, package (missing parts and documents), police decision, counts and clocks.</summary>
public sealed record TransferView(
    Guid Id, Guid CaseId, string RegionCode, string PoliceBureau, string CaseTitle, string Party, string State, string StateName,
    IReadOnlyList<string> Officers, string Reason, string Facts, IReadOnlyList<SeizedItem> SeizedItems, IReadOnlyList<string> MissingPackage,
    IReadOnlyList<TransferDocumentView> Documents, DateTimeOffset ReportedAt, string? HeadDecidedBy, DateTimeOffset? ApprovedAt, string? RefusalReason,
    DateTimeOffset? TransferredAt, string? LetterNumber, DateTimeOffset? AcceptedAt, DateTimeOffset? PoliceDecidedAt, bool? PoliceFiled,
    string? PoliceReason, string? PoliceCaseNumber, DateTimeOffset? NotifiedAt, DateTimeOffset? ReconsiderationAskedAt, string? ReconsiderationReason,
    DateTimeOffset? ReconsiderationAnsweredAt, string? ReconsiderationAnswer, DateTimeOffset? ProcuratorateAskedAt, string? ProcuratorateNote,
    DateTimeOffset? FiledAt, int SuspectsCaught, int DensDestroyed, int WebsiteGangsBroken, int ForgedCertificatesSeized, string? Channel,
    Guid? SuspectId, IReadOnlyList<CaseClockView> Clocks, int Version)
{
    public static TransferView From(CaseTransfer t, IReadOnlyList<CaseClock> clocks) => new(
        t.Id, t.CaseId, t.RegionCode, TransferPackage.PoliceBureau(t.RegionCode), t.CaseTitle, t.Party, t.State.ToString(), t.State.ChineseName(),
        t.Officers, t.Reason.ToString(), t.Facts, t.SeizedItems, t.MissingPackage(),
        [.. TransferPackage.Documents(t).Select(d => new TransferDocumentView(d.Slug, d.Document.Title, d.Document.Number, $"/transfers/{t.Id}/documents/{d.Slug}"))],
        t.ReportedAt, t.HeadDecidedBy, t.ApprovedAt, t.RefusalReason, t.TransferredAt, t.LetterNumber, t.AcceptedAt, t.PoliceDecidedAt, t.PoliceFiled,
        t.PoliceReason, t.PoliceCaseNumber, t.NotifiedAt, t.ReconsiderationAskedAt, t.ReconsiderationReason, t.ReconsiderationAnsweredAt,
        t.ReconsiderationAnswer, t.ProcuratorateAskedAt, t.ProcuratorateNote, t.FiledAt, t.SuspectsCaught, t.DensDestroyed, t.WebsiteGangsBroken,
        t.ForgedCertificatesSeized, t.Channel?.ToString(), t.SuspectId, [.. clocks.Select(CaseClockView.From)], t.Version);
}

public sealed record TransferDocumentView(string Slug, string Title, string Number, string Link);

public sealed record FlaggedCaseView(Guid Id, string RegionCode, string Title, string Party, string Stage, long FineYuan, DateTimeOffset? DecidedAt, DateTimeOffset? ClosedAt)
{
    public static FlaggedCaseView From(FlaggedCase f) => new(f.Id, f.RegionCode, f.Title, f.Party, f.Stage.ToString(), f.FineYuan, f.DecidedAt, f.ClosedAt);
}
