namespace CertGuard.Web.Features.Registry;

/// <summary>Media types of the spreadsheets the registry hands out.</summary>
public static class ExportMedia
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string Csv = "text/csv; charset=utf-8";
}
