using CertGuard.Core.Catalogue;
using CertGuard.Core.Certificates;
using CertGuard.Core.Regions;
using Microsoft.Extensions.Localization;

namespace CertGuard.Web.Features.Registry;

/// <summary>Display names of states, events and reasons, from the UI resources (Chinese by default).</summary>
public sealed class CertificateLabels(IStringLocalizer<SharedResource> localizer)
{
    public string State(CertificateState state) => localizer[$"State.{state}"];

    public string Event(CertificateEventKind kind) => localizer[$"Event.{kind}"];

    /// <summary>A reason is stored as enum names, comma-separated when a review failed on several grounds.</summary>
    public string Reason(string? reason) => string.IsNullOrEmpty(reason) ? ""
        : string.Join("；", reason.Split(',').Select(r => localizer[$"Reason.{r}"].ResourceNotFound ? r : localizer[$"Reason.{r}"].Value));

    public static string Category(string code) => English("Catalogue.Category." + code) ?? OperationCatalogue.Current.CategoryName(code);

    public static string Item(string code) => English("Catalogue.Item." + code) ?? OperationCatalogue.Current.ItemName(code);

    private static readonly System.Resources.ResourceManager Resources = new("CertGuard.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The English name of a catalogue entry (tools/ui-strings.tsv) when the page is in English; null in Chinese.</summary>
    private static string? English(string key)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        return culture.Name.StartsWith("en", StringComparison.Ordinal) ? Resources.GetString(key, culture) : null;
    }

    /// <summary>A city's name in the page's language (the reference data carries both, cities.csv).</summary>
    public static string City(string code) =>
        System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal)
            && RegionDirectory.Guangdong.Find(code) is { } region ? region.NameEn : RegionDirectory.Guangdong.NameOf(code);

    /// <summary>A CSS class per state, so colour follows meaning on every page.</summary>
    public static string Tone(CertificateState state) => state switch
    {
        CertificateState.Valid => "ok",
        CertificateState.ReviewDue => "warn",
        _ => "bad",
    };
}
