using System;
using CertGuard.Data.Employers;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    StoredFile = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ScopeCity = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Partial = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowsTotal = table.Column<int>(type: "integer", nullable: false),
                    RowsDone = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResultStatus = table.Column<int>(type: "integer", nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true),
                    FailureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FailureMessage = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
