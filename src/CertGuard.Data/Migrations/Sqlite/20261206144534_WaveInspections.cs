using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WaveInspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CampaignYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PlannedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PlannedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Officers = table.Column<string>(type: "TEXT", nullable: false),
                    OnSiteAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionnaireVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    SelfCheckSubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReportText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReinspectedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ReinspectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReinspectionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PositionName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FromQr = table.Column<bool>(type: "INTEGER", nullable: false),
                    QrCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TrainingRecord = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CertificateOrigin = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QrForged = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "InspectionEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrectionOrders");

            migrationBuilder.DropTable(
                name: "InspectionEvidenceContent");

            migrationBuilder.DropTable(
                name: "InspectionWorkers");

            migrationBuilder.DropTable(
                name: "InspectionEvidence");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "Inspections");
        }
    }
}
