using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "CertificateEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Events written before the feed existed are numbered in the order they happened.
            migrationBuilder.Sql("""
                UPDATE "CertificateEvents" SET "Sequence" = n.rn
                FROM (SELECT "Id", row_number() OVER (ORDER BY "OccurredAt", "Version", "Id") AS rn FROM "CertificateEvents") AS n
                WHERE "CertificateEvents"."Id" = n."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_Sequence",
                table: "CertificateEvents",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CertificateEvents_Sequence",
                table: "CertificateEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "CertificateEvents");
        }
    }
}
