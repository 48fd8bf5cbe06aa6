using CertGuard.Data.Database;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Audit;
using CertGuard.Web.Features.Credentials;
using CertGuard.Web.Features.Demo;
using CertGuard.Web.Features.Employers;
using CertGuard.Web.Features.Exchange;
using CertGuard.Web.Features.Home;
using CertGuard.Web.Features.Inspections;
using CertGuard.Web.Features.Institutions;
using CertGuard.Web.Features.Reference;
using CertGuard.Web.Features.ReferenceData;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Features.Registry.Import;
using CertGuard.Web.Features.Registry.Lifecycle;
using CertGuard.Web.Features.Reminders;
using CertGuard.Web.Features.Tips;
using CertGuard.Web.Features.Verification;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Features.Verification.Signals;
using CertGuard.Web.Features.WebWatch;
using CertGuard.Web.Features.Workbench;
using CertGuard.Web.Infrastructure;
using CertGuard.Web.Infrastructure.Modules;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCertGuardData(builder.Configuration);
builder.Services.AddCertGuardWeb();

// One line per feature: each module declares its services, endpoints, pages' authorization and navigation.
builder.AddFeature<DemoModule>();
builder.AddFeature<AccountsModule>();
builder.AddFeature<HomeModule>();
builder.AddFeature<ReferenceModule>();
builder.AddFeature<PublicQueryModule>();
builder.AddFeature<VerificationModule>();
builder.AddFeature<RegistryModule>();
builder.AddFeature<LifecycleModule>();
builder.AddFeature<ImportModule>();
builder.AddFeature<CredentialsModule>();
builder.AddFeature<ExchangeModule>();
builder.AddFeature<RemindersModule>();
builder.AddFeature<SignalsModule>();
builder.AddFeature<EmployersModule>();
builder.AddFeature<InstitutionsModule>();
builder.AddFeature<AuditModule>();
builder.AddFeature<ReferenceDataModule>();
builder.AddFeature<CertGuard.Web.Features.Enforcement.Leads.LeadsModule>();
builder.AddFeature<WebWatchModule>();
builder.AddFeature<InspectionsModule>();
builder.AddFeature<CertGuard.Web.Features.Enforcement.Cases.CasesModule>();
builder.AddFeature<CertGuard.Web.Features.Enforcement.Transfers.TransfersModule>();
builder.AddFeature<TipsModule>();
builder.AddFeature<CertGuard.Web.Features.Enforcement.Supervision.SupervisionModule>();
builder.AddFeature<CertGuard.Web.Features.Enforcement.TypicalCases.TypicalCasesModule>();
builder.AddFeature<ApiDocsModule>();
builder.AddFeature<CertGuard.Web.Features.Enforcement.Documents.EnforcementDocumentsModule>();
builder.AddFeature<CertGuard.Web.Features.Campaigns.CampaignsModule>();
// Everyday use (issue 17): the workbench every account lands on.
builder.AddFeature<WorkbenchModule>();
// The campaign (issue 15): the province's dashboard.
builder.AddFeature<CertGuard.Web.Features.Dashboard.DashboardModule>();
// Campaign statistics (issue 15): the monthly report, the province sheet, the deadlines.
builder.AddFeature<CertGuard.Web.Features.Statistics.StatisticsModule>();

var app = builder.Build();

await app.InitialiseDatabaseAsync();

app.UseCertGuardPipeline();
app.MapFeatures();
app.MapCertGuardPages();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
