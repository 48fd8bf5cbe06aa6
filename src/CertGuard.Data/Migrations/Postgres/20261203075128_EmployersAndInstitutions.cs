using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EmployersAndInstitutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Approval",
                table: "Organisations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ApprovalNote",
                table: "Organisations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Organisations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Organisations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "Organisations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "Organisations",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Industry",
                table: "Organisations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RegisteredAt",
                table: "Organisations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemCodes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Duties = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    WorkerName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PositionName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequiredAction = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true),
                    CertificateRegion = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActionTaken = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    OfficeNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    BadRows = table.Column<int>(type: "integer", nullable: false),
                    Workers = table.Column<int>(type: "integer", nullable: false),
                    Compliant = table.Column<int>(type: "integer", nullable: false),
                    VerdictCounts = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PositionRates = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfCheckQuestionnaires",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Change = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Questions = table.Column<string>(type: "text", nullable: false),
                    LastKeyNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfCheckQuestionnaires", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "SelfCheckSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    QuestionnaireVersion = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ConditionsMet = table.Column<bool>(type: "boolean", nullable: false),
                    FailedCount = table.Column<int>(type: "integer", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfCheckSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PositionId = table.Column<Guid>(type: "uuid", nullable: true),
                    PositionName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true),
                    CertificateRegion = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterRows_RosterChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "RosterChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_OrganisationId_Name",
                table: "Positions",
                columns: new[] { "OrganisationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_OrganisationId_Status_Number",
                table: "Rectifications",
                columns: new[] { "OrganisationId", "Status", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_RegionCode_Status_Deadline",
                table: "Rectifications",
                columns: new[] { "RegionCode", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterChecks_OrganisationId_At",
                table: "RosterChecks",
                columns: new[] { "OrganisationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterChecks_RegionCode_IsCurrent",
                table: "RosterChecks",
                columns: new[] { "RegionCode", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterRows_CheckId_Row",
                table: "RosterRows",
                columns: new[] { "CheckId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfCheckSubmissions_OrganisationId_SubmittedAt",
                table: "SelfCheckSubmissions",
                columns: new[] { "OrganisationId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfCheckSubmissions_RegionCode_SubmittedAt",
                table: "SelfCheckSubmissions",
                columns: new[] { "RegionCode", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Positions");

            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "RosterRows");

            migrationBuilder.DropTable(
                name: "SelfCheckQuestionnaires");

            migrationBuilder.DropTable(
                name: "SelfCheckSubmissions");

            migrationBuilder.DropTable(
                name: "RosterChecks");

            migrationBuilder.DropColumn(
                name: "Approval",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ApprovalNote",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Industry",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Organisations");
        }
    }
}
