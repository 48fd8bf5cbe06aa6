using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WaveRefdata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferenceDataVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LoadedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceDataVersions_EffectiveFrom",
                table: "ReferenceDataVersions",
                column: "EffectiveFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceDataVersions_Key",
                table: "ReferenceDataVersions",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferenceDataVersions");
        }
    }
}
