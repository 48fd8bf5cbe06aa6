using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VerificationLogAndSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionLeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Codes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FirstSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResolutionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerificationLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NumberAsked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ClaimedFirstIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionLeads_RegionCode_RaisedAt",
                table: "InspectionLeads",
                columns: new[] { "RegionCode", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_Kind_Subject_State",
                table: "Signals",
                columns: new[] { "Kind", "Subject", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Signals_RegionCode_State_LastSeen",
                table: "Signals",
                columns: new[] { "RegionCode", "State", "LastSeen" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLog_At",
                table: "VerificationLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLog_CertificateId_At",
                table: "VerificationLog",
                columns: new[] { "CertificateId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLog_NumberAsked_At",
                table: "VerificationLog",
                columns: new[] { "NumberAsked", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationLog_Origin_At",
                table: "VerificationLog",
                columns: new[] { "Origin", "At" });

            // Checks are evidence: the log cannot be edited. (Instants are stored as binary ticks here, so the age guard
            // on deletion that PostgreSQL has is left to the retention job's own minimum.)
            migrationBuilder.Sql("""
                CREATE TRIGGER "VerificationLog_NoUpdate" BEFORE UPDATE ON "VerificationLog"
                BEGIN SELECT RAISE(ABORT, 'verification log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"VerificationLog_NoUpdate\";");
            migrationBuilder.DropTable(
                name: "InspectionLeads");

            migrationBuilder.DropTable(
                name: "Signals");

            migrationBuilder.DropTable(
                name: "VerificationLog");
        }
    }
}
