using System.Security.Claims;
using System.Text.Json;
using CertGuard.Core.Accounts;
using CertGuard.Data.Registry.Import;
using CertGuard.Web.Features.Accounts;

namespace CertGuard.Web.Features.Registry.Import;

/// <summary>
/// A background import as the API answers it: <c>state</c> queued, running (<c>rowsDone</c> of <c>rowsTotal</c>),
/// done (<c>result</c> is the report the synchronous import answers, <c>resultStatus</c> its status: 200 or 422) or
/// failed (<c>failure</c>: code and reason; nothing was written).
/// </summary>
public sealed record ImportJobResponse(
    Guid Id, string File, string State, int RowsTotal, int RowsDone, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    int? ResultStatus, ImportResponse? Result, ImportJobFailure? Failure)
{
    public static ImportJobResponse From(ImportJob job, ImportJobQueue queue)
    {
        var report = Report(job);
        var done = job.State == ImportJobState.Done ? job.RowsDone : queue.RowsDone(job.Id) ?? job.RowsDone;
        return new(job.Id, job.FileName, job.State.ToString().ToLowerInvariant(), Math.Max(job.RowsTotal, done), done, job.CreatedAt, job.StartedAt,
            job.FinishedAt, job.ResultStatus, report is null ? null : ImportResponse.From(report),
            job.FailureCode is null ? null : new ImportJobFailure(job.FailureCode, job.FailureMessage ?? ""));
    }

    /// <summary>The report of a job that is done.</summary>
    public static ImportReport? Report(ImportJob job) =>
        job.Result is null ? null : JsonSerializer.Deserialize<ImportReport>(job.Result, ImportJobRunner.Json);

    /// <summary>Who may read a job: the account that uploaded it, and the province office.</summary>
    public static bool MayRead(ClaimsPrincipal user, ImportJob job) =>
        job.SubmittedBy == user.Identity?.Name || user.ToScope().Role == Role.ProvinceOffice;
}

public sealed record ImportJobFailure(string Code, string Message);
