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

    public static string Category(string code) => OperationCatalogue.Current.CategoryName(code);

    public static string Item(string code) => OperationCatalogue.Current.ItemName(code);

    public static string City(string code) => RegionDirectory.Guangdong.NameOf(code);

    /// <summary>A CSS class per state, so colour follows meaning on every page.</summary>
    public static string Tone(CertificateState state) => state switch
    {
        CertificateState.Valid => "ok",
        CertificateState.ReviewDue => "warn",
        _ => "bad",
    };
}
