using System.Net;
using CertGuard.Core.Accounts;
using CertGuard.Data.Accounts;
using CertGuard.Data.Instances;
using CertGuard.Testing;
using CertGuard.Web.Features.Reminders;
using CertGuard.Web.Tests.Verification.PublicQuery;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertGuard.Web.Tests.Instances;

/// <summary>
/// Issue 16's proof that the platform runs as several stateless instances on one PostgreSQL: two instances on one
/// database, requests alternating between them. A session and an antiforgery token made by A are honoured by B (the
/// key ring is shared, encrypted with the external key); a job triggered on both at once runs once; the per-number
/// limit counts the queries of both.
/// </summary>
public sealed class PostgresTwoInstanceTests(TwoPostgresInstances instances) : IClassFixture<TwoPostgresInstances>
{
    private static readonly Uri Site = new("http://localhost/");

    [Fact]
    public async Task A_session_and_antiforgery_token_from_instance_A_post_a_form_on_instance_B()
    {
        var cookies = new CookieContainer();
        using var a = instances.A.CreateDefaultClient(Site, new CookieContainerHandler(cookies));
        using var b = instances.B.CreateDefaultClient(Site, new CookieContainerHandler(cookies));
        var (user, password) = instances.Account(Role.CityOffice.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await CertGuardApp.PostSignInAsync(a, user, password)).StatusCode);

        // B knows the session A made: its signed-in page, not the sign-in page (a stranger to B is sent there).
        var onB = await b.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        using var stranger = instances.B.CreateDefaultClient(Site, new CookieContainerHandler(new CookieContainer()));
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/workbench")).StatusCode);

        // A form rendered by A (its antiforgery token) is accepted by B; without the token B refuses it.
        var token = CertGuardApp.AntiforgeryToken(await a.GetStringAsync("/workbench"));
        Assert.Equal(HttpStatusCode.BadRequest, (await b.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
        var signOut = await b.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/", signOut.Headers.Location?.OriginalString);

        // Signed out on B: A now sends the same browser to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await a.GetAsync("/workbench")).StatusCode);
    }

    [Fact]
    public async Task A_job_triggered_on_both_instances_at_once_runs_once_per_slot()
    {
        var jobA = Job(instances.A);
        var jobB = Job(instances.B);

        var outcomes = await Task.WhenAll(jobA.RunScheduledAsync(CancellationToken.None), jobB.RunScheduledAsync(CancellationToken.None));

        Assert.Equal(1, outcomes.Count(o => o == JobRunOutcome.Ran));
        Assert.All(outcomes.Where(o => o != JobRunOutcome.Ran), o => Assert.True(o is JobRunOutcome.HeldElsewhere or JobRunOutcome.AlreadyRun, o.ToString()));
        // The work itself happened once: one instance's job has a run, the other's none.
        Assert.Equal(1, new[] { jobA.CompletedRuns, jobB.CompletedRuns }.Sum());
        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertGuard.Data.CertGuardDbContext>();
            var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.Job == OverdueReviewJob.JobName).ToListAsync();
            var run = Assert.Single(runs);
            Assert.Contains(run.Instance, new[] { instances.A.Name, instances.B.Name });
        }

        // Later in the same slot, on either instance: recorded, so not again.
        Assert.Equal(JobRunOutcome.AlreadyRun, await jobB.RunScheduledAsync(CancellationToken.None));
        Assert.Equal(JobRunOutcome.AlreadyRun, await jobA.RunScheduledAsync(CancellationToken.None));
        Assert.Equal(1, new[] { jobA.CompletedRuns, jobB.CompletedRuns }.Sum());
    }

    [Fact]
    public async Task While_one_instance_holds_a_jobs_lease_the_other_skips_it()
    {
        var leasesA = instances.A.Services.GetRequiredService<IJobLeases>();
        var leasesB = instances.B.Services.GetRequiredService<IJobLeases>();

        await using (var held = await leasesA.TryAcquireAsync("test.lease", CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Null(await leasesB.TryAcquireAsync("test.lease", CancellationToken.None));
        }
        await using var after = await leasesB.TryAcquireAsync("test.lease", CancellationToken.None);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task Ten_queries_for_one_number_across_both_instances_meet_the_per_number_limit()
    {
        const int burst = 5;
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<CertGuard.Data.CertGuardDbContext>();
        var number = await db.Certificates.AsNoTracking().OrderBy(c => c.Number).Select(c => c.Number).FirstAsync();
        var statuses = new List<(string Instance, HttpStatusCode Status)>();
        HttpResponseMessage? firstRefusal = null;

        for (var i = 0; i < 10; i++)
        {
            // Alternating instances, each query from its own client address: only the number's limit applies.
            var instance = i % 2 == 0 ? instances.A : instances.B;
            using var client = instance.CreateClient();
            client.DefaultRequestHeaders.Add(TestClientAddress.Header, $"198.18.0.{i + 1}");
            var response = await client.GetAsync(PublicQueryAnswerTests.Url(number, "王五"));
            statuses.Add((instance.Name, response.StatusCode));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) firstRefusal ??= response;
        }

        var summary = string.Join(", ", statuses);
        Assert.True(statuses.Take(burst).All(s => s.Status == HttpStatusCode.OK), summary);
        Assert.True(statuses.Skip(burst).All(s => s.Status == HttpStatusCode.TooManyRequests), summary);
        // Refused by both instances: each counted the other's queries.
        Assert.Equal(2, statuses.Skip(burst).Select(s => s.Instance).Distinct().Count());
        Assert.NotNull(firstRefusal);
        var problem = await firstRefusal.AssertProblemAsync(HttpStatusCode.TooManyRequests, "PUBLIC-QUERY-NUMBER-LIMITED");
        var retryAfter = int.Parse(firstRefusal.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfter").GetInt32());
    }

    private static OverdueReviewJob Job(PlatformInstance instance) =>
        instance.Services.GetServices<IHostedService>().OfType<OverdueReviewJob>().Single();

    private AsyncServiceScope Scope() => instances.A.Services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(SystemActor.Platform);
}
