using CertGuard.Core.Accounts;
using CertGuard.Core.Organisations;
using CertGuard.Data.Accounts;

namespace CertGuard.Data.Institutions;

/// <summary>
/// The demo's exam centre has answered the questionnaire with one condition not met, and the training centre has not
/// answered yet: the city office's view shows both on a fresh start.
/// </summary>
internal static class DemoSelfChecks
{
    private const string NotMetKey = "Q06";

    public static async Task SeedAsync(CertGuardDbContext db, TimeProvider clock, IReadOnlyList<Organisation> organisations, string examAccount, CancellationToken ct)
    {
        if (organisations.FirstOrDefault(o => o.Kind == Role.ExamCentre.Id) is not { } exam) return;
        // The demo exam centre's own account, as if it had answered itself.
        var book = new SelfCheckBook(db, clock, new SystemActor(examAccount));
        var questionnaire = await book.CurrentAsync(ct);
        var answers = questionnaire.Questions.ToDictionary(q => q.Key, q => q.Key == NotMetKey
            ? (false, (string?)"电工作业实操考位的模拟设备老化，已采购新设备，计划下月底前完成更换。")
            : (true, null));
        await book.SubmitAsync(exam.Id, questionnaire.Version, answers, ct);
    }
}
