using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnforcementWave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentNumberCounters",
                columns: table => new
                {
                    AuthorityCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Next = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentNumberCounters", x => new { x.AuthorityCode, x.Kind, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "EnforcementCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    AuthorityId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorityName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CertificateNumbersText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ViolationCodesText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LeadIdsText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    JointDepartmentsText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LifeOrSafety = table.Column<bool>(type: "boolean", nullable: false),
                    ViolationOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Major = table.Column<bool>(type: "boolean", nullable: false),
                    Stage = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FilingApprovedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NoticeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HearingRequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    MajorHiddenHazard = table.Column<bool>(type: "boolean", nullable: false),
                    ServedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaidYuan = table.Column<long>(type: "bigint", nullable: false),
                    SurchargeYuan = table.Column<long>(type: "bigint", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Target = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CampaignYear = table.Column<int>(type: "integer", nullable: false),
                    PlanReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlannedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Officers = table.Column<string>(type: "text", nullable: false),
                    OnSiteAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Conditions = table.Column<string>(type: "text", nullable: false),
                    QuestionnaireVersion = table.Column<int>(type: "integer", nullable: true),
                    SelfCheckSubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClientKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevocationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseRegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Ground = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevocationRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Suspects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Platform = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    FoundBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Addresses = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NameServers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Registrant = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Contacts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: true),
                    HtmlSimilarity = table.Column<int>(type: "integer", nullable: true),
                    ScreenSimilarity = table.Column<int>(type: "integer", nullable: true),
                    IsFake = table.Column<bool>(type: "boolean", nullable: true),
                    VerdictReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DisposalDocument = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DisposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecheckDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suspects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Named = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LookupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceiptSalt = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReceiptVerifier = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReporterKeyWrap = table.Column<byte[]>(type: "bytea", nullable: true),
                    OfficeKeyWrap = table.Column<byte[]>(type: "bytea", nullable: false),
                    OfficeKeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SealedReport = table.Column<byte[]>(type: "bytea", nullable: false),
                    LastReporterActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedTo = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CheckDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExtensionRequestedTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionRequestedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CheckEndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeedbackDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    SuspectSiteRaised = table.Column<bool>(type: "boolean", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tips", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseClockDecision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClockCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseClockDecision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseClockDecision_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEntry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEntry_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseFileDocument",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFileDocument", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFileDocument_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseFineLine",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Party = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PartyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RuleCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AmountYuan = table.Column<long>(type: "bigint", nullable: false),
                    Measures = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFineLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFineLine_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Requirements = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReportText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReinspectedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ReinspectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReinspectionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectionOrders_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ClientKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionWorkers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PositionName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FromQr = table.Column<bool>(type: "boolean", nullable: false),
                    QrCode = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    Verdict = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true),
                    ItemCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    TrainingRecord = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CertificateOrigin = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    QrForged = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionWorkers_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Captures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SuspectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    CapturedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CapturedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Addresses = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Headers = table.Column<string>(type: "text", nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    Screenshot = table.Column<byte[]>(type: "bytea", nullable: true),
                    ScreenshotMissing = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AddressesSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HeadersSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HtmlSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScreenshotSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HtmlFuzzyHash = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ScreenshotHash = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    HtmlSimilarity = table.Column<int>(type: "integer", nullable: true),
                    ScreenSimilarity = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Captures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Captures_Suspects_SuspectId",
                        column: x => x.SuspectId,
                        principalTable: "Suspects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SuspectReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SuspectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReferredBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuspectReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuspectReferrals_Suspects_SuspectId",
                        column: x => x.SuspectId,
                        principalTable: "Suspects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TipFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TipFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TipFiles_Tips_TipId",
                        column: x => x.TipId,
                        principalTable: "Tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TipMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TipId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromReporter = table.Column<bool>(type: "boolean", nullable: false),
                    Author = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TipMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TipMessages_Tips_TipId",
                        column: x => x.TipId,
                        principalTable: "Tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TipRewards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FineYuan = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    RuleKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaidBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Voucher = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SealedPayee = table.Column<byte[]>(type: "bytea", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TipRewards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TipRewards_Tips_TipId",
                        column: x => x.TipId,
                        principalTable: "Tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionEvidence_InspectionFindings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "InspectionFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionEvidenceContent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionEvidenceContent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionEvidenceContent_InspectionEvidence_Id",
                        column: x => x.Id,
                        principalTable: "InspectionEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Captures_SuspectId_CapturedAt",
                table: "Captures",
                columns: new[] { "SuspectId", "CapturedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseClockDecision_CaseId",
                table: "CaseClockDecision",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEntry_CaseId_At",
                table: "CaseEntry",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileDocument_CaseId_Kind",
                table: "CaseFileDocument",
                columns: new[] { "CaseId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileDocument_Number",
                table: "CaseFileDocument",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFineLine_CaseId",
                table: "CaseFineLine",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_InspectionId",
                table: "CorrectionOrders",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_OrganisationId_Status",
                table: "CorrectionOrders",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionOrders_RegionCode_Status_Deadline",
                table: "CorrectionOrders",
                columns: new[] { "RegionCode", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_RegionCode_OpenedAt",
                table: "EnforcementCases",
                columns: new[] { "RegionCode", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_RegionCode_Stage",
                table: "EnforcementCases",
                columns: new[] { "RegionCode", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionEvidence_FindingId",
                table: "InspectionEvidence",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_ClientKey",
                table: "InspectionFindings",
                column: "ClientKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_InspectionId",
                table: "InspectionFindings",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ClientKey",
                table: "Inspections",
                column: "ClientKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_OrganisationId_CampaignYear",
                table: "Inspections",
                columns: new[] { "OrganisationId", "CampaignYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_RegionCode_Status_PlannedOn",
                table: "Inspections",
                columns: new[] { "RegionCode", "Status", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionWorkers_ClientKey",
                table: "InspectionWorkers",
                column: "ClientKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionWorkers_InspectionId_RecordedAt",
                table: "InspectionWorkers",
                columns: new[] { "InspectionId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevocationRequests_CaseId",
                table: "RevocationRequests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_RevocationRequests_RegionCode_Status",
                table: "RevocationRequests",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SuspectReferrals_Department_SuspectId",
                table: "SuspectReferrals",
                columns: new[] { "Department", "SuspectId" });

            migrationBuilder.CreateIndex(
                name: "IX_SuspectReferrals_SuspectId",
                table: "SuspectReferrals",
                column: "SuspectId");

            migrationBuilder.CreateIndex(
                name: "IX_Suspects_ClusterId",
                table: "Suspects",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_Suspects_RecheckDueAt",
                table: "Suspects",
                column: "RecheckDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Suspects_RegionCode_Key",
                table: "Suspects",
                columns: new[] { "RegionCode", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Suspects_RegionCode_State",
                table: "Suspects",
                columns: new[] { "RegionCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Suspects_Registrant",
                table: "Suspects",
                column: "Registrant");

            migrationBuilder.CreateIndex(
                name: "IX_TipFiles_TipId",
                table: "TipFiles",
                column: "TipId");

            migrationBuilder.CreateIndex(
                name: "IX_TipMessages_TipId_At",
                table: "TipMessages",
                columns: new[] { "TipId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TipRewards_CaseId",
                table: "TipRewards",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TipRewards_RegionCode_State",
                table: "TipRewards",
                columns: new[] { "RegionCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_TipRewards_TipId",
                table: "TipRewards",
                column: "TipId");

            migrationBuilder.CreateIndex(
                name: "IX_Tips_LookupId",
                table: "Tips",
                column: "LookupId");

            migrationBuilder.CreateIndex(
                name: "IX_Tips_RegionCode_ReceivedAt",
                table: "Tips",
                columns: new[] { "RegionCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tips_RegionCode_State",
                table: "Tips",
                columns: new[] { "RegionCode", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Captures");

            migrationBuilder.DropTable(
                name: "CaseClockDecision");

            migrationBuilder.DropTable(
                name: "CaseEntry");

            migrationBuilder.DropTable(
                name: "CaseFileDocument");

            migrationBuilder.DropTable(
                name: "CaseFineLine");

            migrationBuilder.DropTable(
                name: "CorrectionOrders");

            migrationBuilder.DropTable(
                name: "DocumentNumberCounters");

            migrationBuilder.DropTable(
                name: "InspectionEvidenceContent");

            migrationBuilder.DropTable(
                name: "InspectionWorkers");

            migrationBuilder.DropTable(
                name: "RevocationRequests");

            migrationBuilder.DropTable(
                name: "SuspectReferrals");

            migrationBuilder.DropTable(
                name: "TipFiles");

            migrationBuilder.DropTable(
                name: "TipMessages");

            migrationBuilder.DropTable(
                name: "TipRewards");

            migrationBuilder.DropTable(
                name: "EnforcementCases");

            migrationBuilder.DropTable(
                name: "InspectionEvidence");

            migrationBuilder.DropTable(
                name: "Suspects");

            migrationBuilder.DropTable(
                name: "Tips");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "Inspections");
        }
    }
}
