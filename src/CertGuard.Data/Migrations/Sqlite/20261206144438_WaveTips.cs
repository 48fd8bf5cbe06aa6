using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WaveTips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Tips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Named = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LookupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceiptSalt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReceiptVerifier = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReporterKeyWrap = table.Column<byte[]>(type: "BLOB", nullable: true),
                    OfficeKeyWrap = table.Column<byte[]>(type: "BLOB", nullable: false),
                    OfficeKeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SealedReport = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LastReporterActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CheckDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtensionRequestedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionRequestedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CheckEndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SuspectSiteRaised = table.Column<bool>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tips", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TipFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromReporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FineYuan = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    RuleKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Voucher = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SealedPayee = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "TipFiles");

            migrationBuilder.DropTable(
                name: "TipMessages");

            migrationBuilder.DropTable(
                name: "TipRewards");

            migrationBuilder.DropTable(
                name: "Tips");
        }
    }
}
