using CertGuard.Data.Database;
using CertGuard.Web.Features.Accounts;
using CertGuard.Web.Features.Audit;
using CertGuard.Web.Features.Credentials;
using CertGuard.Web.Features.Demo;
using CertGuard.Web.Features.Employers;
using CertGuard.Web.Features.Exchange;
using CertGuard.Web.Features.Institutions;
using CertGuard.Web.Features.Reference;
using CertGuard.Web.Features.Registry;
using CertGuard.Web.Features.Registry.Export;
using CertGuard.Web.Features.Registry.Import;
using CertGuard.Web.Features.Registry.Lifecycle;
using CertGuard.Web.Features.Reminders;
using CertGuard.Web.Features.Verification;
using CertGuard.Web.Features.Verification.PublicQuery;
using CertGuard.Web.Features.Verification.Signals;
using CertGuard.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCertGuardData(builder.Configuration);
builder.Services.AddCertGuardAccounts();
builder.Services.AddAudit();
builder.Services.AddCertGuardWeb();
builder.Services.AddRegistry();
builder.Services.AddCertificateLifecycle();
builder.Services.AddCertificateImport();
builder.Services.AddCredentials();
builder.Services.AddExchange();
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddVerification(builder.Configuration);
builder.Services.AddPublicQuery(builder.Configuration);
builder.Services.AddEmployers(builder.Configuration);
builder.Services.AddInstitutions();

var app = builder.Build();

await app.InitialiseDatabaseAsync();

app.UseCertGuardPipeline();

var api = app.MapGroup("/api/v1");
api.MapReferenceApi();
api.MapRegistryApi();
api.MapLifecycleApi();
api.MapImportApi();
api.MapExportApi();
api.MapAuditApi();
api.MapApiKeysApi();
api.MapCredentialApi();
api.MapPublicQueryApi();
api.MapExchangeApi();
api.MapRemindersApi();
api.MapSignalsApi();
api.MapEmployerApis();
api.MapInstitutionApis();
app.MapWellKnownCredentials();
app.MapCertGuardPages();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
