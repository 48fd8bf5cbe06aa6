using System.Security.Claims;
using CertGuard.Core.Accounts;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Registry.Export;

/// <summary>
/// Who may export full resident ID numbers (sensitive personal information, PIPL): the issuing authority (its own
/// city's certificates, which it issued and must be able to re-import and exchange) and the province office (the
/// registry's lead). Every other role exports masked numbers (4401**********123X) and reveals a single number on the
/// certificate's page, where each view is audited. Masked is the default even for those allowed: full is asked for.
/// </summary>
public static class ExportAccess
{
    public static bool MayExportFullNumbers(ClaimsPrincipal user) =>
        user.ToScope().Role is var role && (role == Role.IssuingAuthority || role == Role.ProvinceOffice);
}
