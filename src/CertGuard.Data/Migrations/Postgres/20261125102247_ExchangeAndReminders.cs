using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExchangeAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExchangeVersion",
                table: "Certificates",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Status_NextReviewDue",
                table: "Certificates",
                columns: new[] { "Status", "NextReviewDue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_Status_NextReviewDue",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ExchangeVersion",
                table: "Certificates");
        }
    }
}
