using CertGuard.Core.Accounts;
using CertGuard.Core.Certificates;
using CertGuard.Core.Employers;
using CertGuard.Core.Enforcement;
using CertGuard.Core.Holders;
using CertGuard.Core.Inspections;
using CertGuard.Core.Organisations;
using CertGuard.Core.Regions;
using CertGuard.Core.Time;
using CertGuard.Core.Verification;
using CertGuard.Core.WebWatch;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Data.Demo;

/// <summary>What <see cref="CampaignYear"/> wrote, per kind of record.</summary>
public sealed record CampaignYearCounts(
    int Employers, int RosterChecks, int RosterRows, int VerificationRecords, int Rectifications, int Inspections, int InspectionWorkers,
    int Findings, int Orders, int Leads, int LeadsReferredToPolice, int Suspects, int Referrals)
{
    public int Total => Employers + RosterChecks + RosterRows + VerificationRecords + Rectifications + Inspections + InspectionWorkers + Findings + Orders
        + Leads + Suspects + Referrals;
}

/// <summary>
/// A year of campaign records for the statistics-sheet benchmark (<c>certguard seed-campaign --year-of-records</c>):
/// employers' roster self-checks with their verification-log entries and rectification items, public and QR checks,
/// inspections with their workers, findings, orders and leads (some referred to the police), and suspect websites and
/// listings verified, referred to 网信 and closed, spread over the twelve months up to today (three times as dense in the
/// campaign's months) and over the 21 cities by their size. Workers are real certificates of the registry judged by the
/// roster judge, plus a share of fakes (numbers the registry lacks, numbers no ID can have, another holder's name).
/// At scale 1, a province's year (see docs/benchmarks.md for why these volumes): 8,400 employers self-checking
/// (1–3 checks each, 25 workers on average: ≈ 17,000 checks, 420,000 roster rows), 80,000 employer queries and 500,000
/// anonymous public queries, 12,000 inspections of 8 workers, 900 suspects.
/// Rows are written in batches with change tracking off; like the certificates of <c>certguard seed</c>, they are not
/// audited one by one: one <c>bulk-generate</c> audit entry per kind records the load.
/// </summary>
public sealed class CampaignYear(CertGuardDbContext db, TimeProvider clock, CertificateRules rules)
{
    private const int BatchSize = 5000;
    private const string By = "cli:seed-campaign";

    /// <summary>Relative size of each city (employers, inspections, web cases follow it); 2 for a city not listed.</summary>
    private static readonly Dictionary<string, double> CityWeights = new(StringComparer.Ordinal)
    {
        ["440100"] = 15, ["440300"] = 15, ["440600"] = 9, ["441900"] = 9, ["441300"] = 5, ["442000"] = 4, ["440700"] = 4, ["440400"] = 3,
        ["440500"] = 3, ["440800"] = 3, ["440900"] = 3, ["441200"] = 3, ["445200"] = 2.5, ["441800"] = 2.5, ["445100"] = 1.5, ["440200"] = 1.5,
        ["441400"] = 1.5, ["441600"] = 1.5, ["441700"] = 1.5, ["441500"] = 1, ["445300"] = 1,
    };

    private readonly List<object> _pending = [];
    private int _pendingCount;

    public async Task<CampaignYearCounts> GenerateAsync(double scale, int seed, IProgress<string>? progress, CancellationToken ct)
    {
        if (scale is <= 0 or > 100) throw new ArgumentOutOfRangeException(nameof(scale), scale, "between 0 and 100");
        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var campaignStart = ChinaTime.StartOfDay(today >= new DateOnly(today.Year, 7, 10) ? new DateOnly(today.Year, 7, 10) : new DateOnly(today.Year - 1, 7, 10));
        var yearStart = now.AddDays(-365);
        DateTimeOffset When(DateTimeOffset? notBefore = null)
        {
            // Three times as dense from the campaign's start: weight the two spans by their length × density.
            var from = notBefore ?? yearStart;
            var quiet = Math.Max(0, (campaignStart - from).TotalSeconds);
            var busy = (now - (from > campaignStart ? from : campaignStart)).TotalSeconds;
            var pick = random.NextDouble() * (quiet + 3 * busy);
            return pick < quiet ? from.AddSeconds(pick) : (from > campaignStart ? from : campaignStart).AddSeconds((pick - quiet) / 3);
        }

        var previous = (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SuppressChangeAudit = true;
        try
        {
            var cities = RegionDirectory.Guangdong.Cities.Select(c => c.Code).ToList();
            var weights = cities.Select(c => CityWeights.GetValueOrDefault(c, 2)).ToArray();
            var totalWeight = weights.Sum();
            string City()
            {
                var pick = random.NextDouble() * totalWeight;
                for (var i = 0; i < cities.Count; i++)
                    if ((pick -= weights[i]) < 0) return cities[i];
                return cities[^1];
            }

            progress?.Report("registry sample");
            var pool = new Dictionary<string, List<Certificate>>(StringComparer.Ordinal);
            foreach (var city in cities)
            {
                var take = Math.Max(200, (int)(CityWeights.GetValueOrDefault(city, 2) * 400 * Math.Min(scale, 4)));
                pool[city] = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
                    .Where(c => c.RegionCode == city && c.ExchangeVersion == null).OrderBy(c => c.Id).Take(take).ToListAsync(ct);
            }
            var byNumber = pool.Values.SelectMany(p => p).GroupBy(c => c.Number, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Certificate>)g.ToList(), StringComparer.Ordinal);
            var unknownSerial = 0;
            string Unknown(string city)
            {
                var first17 = $"{city}1979{random.Next(1, 13):00}{random.Next(1, 29):00}{unknownSerial++ % 1000:000}";
                return first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
            }
            string BadId(string city)
            {
                var first17 = $"{city}1985{random.Next(1, 13):00}{random.Next(1, 29):00}{random.Next(100, 999)}";
                return first17 + (ResidentIdNumber.ComputeCheckCharacter(first17) == '0' ? '1' : '0');
            }
            // A worker as a roster or an inspector writes him: mostly a real holder, some fakes (2 % unknown, 0.5 % not
            // an ID number at all, 1 % another name on a real number).
            (string Name, string Number, RosterJudgement Judgement) Worker(string city)
            {
                var roll = random.NextDouble();
                var source = pool[roll < 0.9 ? city : City()];
                if (roll >= 0.965 || source.Count == 0)
                {
                    var fake = roll >= 0.99 ? BadId(city) : Unknown(city);
                    var name = DemoPeople.Name(random, (Sex)random.Next(2));
                    return (name, fake, RosterJudge.Judge(name, null, byNumber.GetValueOrDefault(fake) ?? [], today, rules));
                }
                var c = source[random.Next(source.Count)];
                var written = roll >= 0.955 ? DemoPeople.Name(random, (Sex)random.Next(2)) : c.HolderName;
                return (written, c.Number, RosterJudge.Judge(written, null, byNumber[c.Number], today, rules));
            }

            // 1. Employers and their roster self-checks.
            progress?.Report("employers and roster checks");
            var employerCount = (int)Math.Round(8400 * scale);
            var employers = new List<Organisation>(employerCount);
            var serial = 0;
            for (var i = 0; i < employerCount; i++)
            {
                var city = City();
                var first17 = $"91{city}{(900_000_000 + serial++):000000000}";
                var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
                var employer = new Organisation($"{RegionDirectory.Guangdong.NameOf(city)}演示企业{serial:00000}有限公司", Role.Employer.Id, city, code);
                employers.Add(employer);
                await AddAsync(employer, ct);
            }
            await FlushAsync(ct);

            int checks = 0, rows = 0, logged = 0, rectifications = 0;
            var workforces = new Dictionary<Guid, List<(string Name, string Number, RosterJudgement Judgement)>>();
            foreach (var employer in employers)
            {
                var size = Math.Clamp((int)Math.Round(Gamma(random, 2, 12.5)), 3, 300);
                var workforce = Enumerable.Range(0, size).Select(_ => Worker(employer.RegionCode)).DistinctBy(w => w.Number).ToList();
                workforces[employer.Id] = workforce;
                var times = Enumerable.Range(0, 1 + (random.NextDouble() < 0.6 ? 1 : 0) + (random.NextDouble() < 0.3 ? 1 : 0)).Select(_ => When()).Order().ToList();
                for (var k = 0; k < times.Count; k++)
                {
                    var at = times[k];
                    var check = new RosterCheck(employer.Id, employer.RegionCode, k == 0 ? RosterCheckKind.Upload : RosterCheckKind.Recheck,
                        k == 0 ? "员工花名册.xlsx" : "员工花名册（复查）.xlsx", $"employer:{employer.Id:N}", at);
                    var checkRows = workforce.Select((w, r) => RosterRow.Checked(check.Id, employer.Id, r + 2, w.Name, w.Number, null, w.Judgement)).ToList();
                    check.Summarise(checkRows);
                    if (k < times.Count - 1) check.Supersede();
                    await AddAsync(check, ct);
                    checks++;
                    foreach (var row in checkRows)
                    {
                        await AddAsync(row, ct);
                        var c = workforce[row.Row - 2].Judgement.Certificate;
                        await AddAsync(new VerificationRecord(at, VerificationChannel.RosterCheck, row.Verdict == RosterVerdict.BadId ? VerificationOutcome.Malformed : workforce[row.Row - 2].Judgement.Outcome, row.Number)
                        {
                            CertificateId = c?.Id, RegionCode = c?.RegionCode, ItemCode = c?.ItemCode, OrganisationId = employer.Id,
                            AccountName = check.CheckedBy, Origin = "203.0.113.0/24",
                        }, ct);
                        rows++;
                        logged++;
                        // The last check's failing workers get a rectification item; most are reported and confirmed.
                        if (k == times.Count - 1 && row.Verdict.IsFailing())
                        {
                            var item = RectificationItem.Open(row, employer.RegionCode, ChinaTime.DateOf(at).AddDays(30), at);
                            var reported = at.AddDays(random.Next(3, 25));
                            var confirmed = reported.AddDays(random.Next(1, 10));
                            if (confirmed < now && random.NextDouble() < 0.75)
                            {
                                item.Report("已停止其特种作业，安排参加培训考试取证。", $"employer:{employer.Id:N}", reported);
                                item.Confirm(null, $"office:{employer.RegionCode}", confirmed);
                            }
                            await AddAsync(item, ct);
                            rectifications++;
                        }
                    }
                }
            }
            await FlushAsync(ct);

            // 2. Public queries and QR checks: by employers (counted in 5 and 6) and by anyone (the log's bulk).
            progress?.Report("verification log");
            var employerQueries = (int)Math.Round(80_000 * scale);
            for (var i = 0; i < employerQueries; i++)
            {
                var employer = employers[random.Next(employers.Count)];
                var w = workforces[employer.Id][random.Next(workforces[employer.Id].Count)];
                await AddAsync(Query(w, When(), employer.Id, random), ct);
                logged++;
            }
            var anonymous = (int)Math.Round(500_000 * scale);
            for (var i = 0; i < anonymous; i++)
            {
                await AddAsync(Query(Worker(City()), When(), null, random), ct);
                logged++;
            }
            await FlushAsync(ct);

            // 3. Inspections of the employers, with workers met on site, findings, orders and leads.
            progress?.Report("inspections");
            int inspections = 0, inspectionWorkers = 0, findings = 0, orders = 0, leads = 0, referred = 0;
            var inspectionCount = (int)Math.Round(12_000 * scale);
            for (var i = 0; i < inspectionCount; i++)
            {
                var employer = employers[random.Next(employers.Count)];
                var onSite = When();
                var inspection = Inspection.Plan(InspectionTarget.Employer, employer.Id, employer.Name, employer.RegionCode, ChinaTime.DateOf(onSite),
                    "专项整治检查", By, onSite.AddDays(-3));
                // Two officers on site, as the law requires.
                inspection.Start([new InspectionOfficer($"执法人员{i % 50:00}甲", $"{employer.RegionCode}{i % 100_000:00000}", null),
                    new InspectionOfficer($"执法人员{i % 50:00}乙", $"{employer.RegionCode}{(i + 1) % 100_000:00000}", null)], $"{employer.Name} 生产现场", onSite, By);
                // Its records change it (completion, leads raised): they join the batch once the inspection is done.
                var records = new List<object> { inspection };
                inspections++;
                var workforce = workforces[employer.Id];
                var met = Enumerable.Range(0, Math.Min(workforce.Count, random.Next(5, 12))).Select(_ => workforce[random.Next(workforce.Count)]).DistinctBy(w => w.Number).ToList();
                var hadFinding = false;
                foreach (var w in met)
                {
                    var forged = random.NextDouble() < 0.005;
                    var worker = new InspectionWorker(inspection, $"w{i}-{inspectionWorkers}", w.Name, w.Number, null,
                        new QrReading(forged ? "CG1-FORGED" : "CG1-SCANNED", forged), w.Judgement, null, null, By, onSite.AddMinutes(10));
                    records.Add(worker);
                    inspectionWorkers++;
                    if (!forged && !w.Judgement.Verdict.IsFailing()) continue;
                    var type = forged || w.Judgement.Verdict is RosterVerdict.NotFound or RosterVerdict.BadId ? FindingType.FakeCertificate
                        : w.Judgement.Verdict == RosterVerdict.NameMismatch ? FindingType.LentOrImpersonated : FindingType.Uncertified;
                    var finding = new InspectionFinding(inspection, worker, type, null, $"f{i}-{findings}", By, onSite.AddMinutes(20));
                    records.Add(finding);
                    findings++;
                    hadFinding = true;
                    if (!type.RaisesLead()) continue;
                    var lead = new InspectionLead(employer.RegionCode, LeadSources.Inspection, $"执法检查发现“{type.ChineseName()}”（{employer.Name}）", By, onSite.AddMinutes(30))
                    {
                        SourceId = finding.Id, CertificateNumber = finding.CertificateNumber, CertificateId = worker.CertificateId, OrganisationId = employer.Id,
                    };
                    finding.LeadRaised(lead.Id);
                    // A fake certificate's lead goes to the police (34) a few days later, when that is still in the past.
                    var referral = onSite.AddDays(random.Next(1, 8));
                    if (type == FindingType.FakeCertificate && referral < now && random.NextDouble() < 0.6)
                    {
                        lead.Refer(LeadDepartments.Police, "涉嫌伪造、买卖国家机关证件，移交公安机关", By, referral);
                        referred++;
                    }
                    records.Add(lead);
                    leads++;
                }
                var done = onSite.AddHours(2);
                inspection.Complete(hadFinding ? "发现问题，责令限期整改。" : "未发现问题。", done);
                if (hadFinding)
                {
                    records.Add(new CorrectionOrder(inspection, "立即停止无证人员的特种作业，核实证件来源，并报告整改情况。", ChinaTime.DateOf(done).AddDays(30),
                        ChinaTime.DateOf(done), By, done));
                    orders++;
                }
                foreach (var record in records) await AddAsync(record, ct);
            }
            await FlushAsync(ct);

            // 4. Suspect websites (600) and listings (300): most verified fake, websites referred to 网信 and closed.
            progress?.Report("suspects");
            int suspects = 0, referrals = 0;
            var suspectCount = (int)Math.Round(900 * scale);
            for (var i = 0; i < suspectCount; i++)
            {
                var website = i % 3 != 2;
                var found = When();
                var key = website ? $"tzzy-cx{i:00000}.example" : $"https://market.example/item/{i:000000}";
                var suspect = new Suspect(City(), website ? SuspectKind.Website : SuspectKind.Listing, key, website ? $"http://{key}/" : key,
                    website ? SuspectSources.Lookalike : SuspectSources.Listing, 60 + random.Next(40), By, found)
                { Platform = website ? null : "演示电商平台" };
                var verified = found.AddDays(random.Next(0, 4));
                if (verified < now && random.NextDouble() < 0.85)
                {
                    suspect.Verify(true, website ? "仿冒官方证书查询页面" : "售卖特种作业操作证", By, verified);
                    var sent = verified.AddDays(1);
                    if (sent < now)
                    {
                        suspect.MarkReferred(sent);
                        var to = website ? ReferralDepartments.Cyberspace : ReferralDepartments.MarketRegulation;
                        await AddAsync(new SuspectReferral(suspect.Id, to, website ? "请予关停" : "请平台下架", By, sent), ct);
                        referrals++;
                        var disposed = sent.AddDays(random.Next(2, 15));
                        if (disposed < now && random.NextDouble() < 0.8)
                            suspect.Dispose(website ? DisposalOutcome.Closed : DisposalOutcome.Delisted, ChinaTime.DateOf(disposed), $"处置回执 {i:00000}",
                                TimeSpan.FromDays(30), disposed);
                    }
                }
                await AddAsync(suspect, ct);
                suspects++;
            }
            await FlushAsync(ct);

            var counts = new CampaignYearCounts(employers.Count, checks, rows, logged, rectifications, inspections, inspectionWorkers, findings, orders, leads,
                referred, suspects, referrals);
            // Bulk rows are not audited one by one; the load itself is.
            db.SuppressChangeAudit = false;
            db.AddAuditEntry("bulk-generate", "CampaignYear", "*", System.Text.Json.JsonSerializer.Serialize(counts));
            await db.SaveChangesAsync(ct);
            return counts;
        }
        finally
        {
            (db.ChangeTracker.AutoDetectChangesEnabled, db.SuppressChangeAudit) = previous;
        }
    }

    private static VerificationRecord Query((string Name, string Number, RosterJudgement Judgement) w, DateTimeOffset at, Guid? employer, Random random)
    {
        var c = w.Judgement.Certificate;
        return new VerificationRecord(at, random.NextDouble() < 0.8 ? VerificationChannel.PublicQuery : VerificationChannel.QrCheck,
            w.Judgement.Verdict == RosterVerdict.BadId ? VerificationOutcome.Malformed : w.Judgement.Outcome, w.Number)
        {
            CertificateId = c?.Id, RegionCode = c?.RegionCode, ItemCode = c?.ItemCode, OrganisationId = employer,
            AccountName = employer is { } e ? $"employer:{e:N}" : null, Origin = $"198.51.{random.Next(256)}.0/24",
        };
    }

    /// <summary>A gamma-distributed size (workforces are skewed: many small employers, a few large ones).</summary>
    private static double Gamma(Random random, int shape, double scale)
    {
        var sum = 0.0;
        for (var i = 0; i < shape; i++) sum -= Math.Log(1 - random.NextDouble());
        return sum * scale;
    }

    private async Task AddAsync(object entity, CancellationToken ct)
    {
        _pending.Add(entity);
        if (++_pendingCount >= BatchSize) await FlushAsync(ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        db.AddRange(_pending);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        _pending.Clear();
        _pendingCount = 0;
    }
}
