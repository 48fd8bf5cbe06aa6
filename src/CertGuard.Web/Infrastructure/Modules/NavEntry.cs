namespace CertGuard.Web.Infrastructure.Modules;

/// <summary>
/// One link of the main navigation: where it goes, who sees it (an authorization policy; null for everyone), the
/// resource key of its label (tools/ui-strings.tsv), its place (lower first) and a stable id for tests
/// (<c>data-nav</c>).
/// </summary>
public sealed record NavEntry(string Path, string? Policy, string LabelKey, int Order, string Id);
