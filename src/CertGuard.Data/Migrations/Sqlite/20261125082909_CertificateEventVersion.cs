using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificateEventVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CertificateEvents_CertificateId_OccurredAt",
                table: "CertificateEvents");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CertificateEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_CertificateId_Version",
                table: "CertificateEvents",
                columns: new[] { "CertificateId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CertificateEvents_CertificateId_Version",
                table: "CertificateEvents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CertificateEvents");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_CertificateId_OccurredAt",
                table: "CertificateEvents",
                columns: new[] { "CertificateId", "OccurredAt" });
        }
    }
}
