using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WaveWebwatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Suspects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    FoundBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Addresses = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NameServers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Registrant = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Contacts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HtmlSimilarity = table.Column<int>(type: "INTEGER", nullable: true),
                    ScreenSimilarity = table.Column<int>(type: "INTEGER", nullable: true),
                    IsFake = table.Column<bool>(type: "INTEGER", nullable: true),
                    VerdictReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisposalDocument = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DisposedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecheckDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suspects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Captures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SuspectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    CapturedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CapturedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Addresses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Headers = table.Column<string>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Screenshot = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ScreenshotMissing = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AddressesSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HeadersSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HtmlSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScreenshotSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HtmlFuzzyHash = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ScreenshotHash = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    HtmlSimilarity = table.Column<int>(type: "INTEGER", nullable: true),
                    ScreenSimilarity = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SuspectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReferredBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_Captures_SuspectId_CapturedAt",
                table: "Captures",
                columns: new[] { "SuspectId", "CapturedAt" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Captures");

            migrationBuilder.DropTable(
                name: "SuspectReferrals");

            migrationBuilder.DropTable(
                name: "Suspects");
        }
    }
}
