using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WaveTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AuthorityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseTitle = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OfficersText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    InvestigationReport = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SeizedItemsText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AppraisalReport = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OtherEvidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HeadDecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    HeadDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TransferredBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    TransferredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PoliceDecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PoliceDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PoliceFiled = table.Column<bool>(type: "INTEGER", nullable: true),
                    PoliceReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PoliceCaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReconsiderationAskedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ReconsiderationAskedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReconsiderationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReconsiderationAnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReconsiderationAnswer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProcuratorateAskedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ProcuratorateAskedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProcuratorateNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SuspectsCaught = table.Column<int>(type: "INTEGER", nullable: false),
                    DensDestroyed = table.Column<int>(type: "INTEGER", nullable: false),
                    WebsiteGangsBroken = table.Column<int>(type: "INTEGER", nullable: false),
                    ForgedCertificatesSeized = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    SuspectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CountsRecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CountsRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_EnforcementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_CaseId",
                table: "CaseTransfers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_RegionCode_FiledAt",
                table: "CaseTransfers",
                columns: new[] { "RegionCode", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_RegionCode_State",
                table: "CaseTransfers",
                columns: new[] { "RegionCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_RegionCode_TransferredAt",
                table: "CaseTransfers",
                columns: new[] { "RegionCode", "TransferredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseTransfers");
        }
    }
}
