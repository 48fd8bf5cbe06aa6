using System;
using CertGuard.Data.Employers;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WaveUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    StoredFile = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ScopeCity = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Partial = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResultStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FailureMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            // Rosters left current twice by the old race: the newest stays current, so the unique index can be built.
            migrationBuilder.Sql(RosterCheckIndexes.SupersedeDuplicatesSql);

            migrationBuilder.CreateIndex(
                name: "UX_RosterChecks_OneCurrent",
                table: "RosterChecks",
                column: "OrganisationId",
                unique: true,
                filter: "\"IsCurrent\"");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_Owner_State",
                table: "ImportJobs",
                columns: new[] { "Owner", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropIndex(
                name: "UX_RosterChecks_OneCurrent",
                table: "RosterChecks");
        }
    }
}
