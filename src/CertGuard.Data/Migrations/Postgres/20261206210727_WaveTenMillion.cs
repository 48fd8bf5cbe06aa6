using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WaveTenMillion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Certificates_HolderName_Prefix",
                table: "Certificates",
                column: "HolderName")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_RegionCode_ValidFrom_Id",
                table: "Certificates",
                columns: new[] { "RegionCode", "ValidFrom", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ValidFrom_Id",
                table: "Certificates",
                columns: new[] { "ValidFrom", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_HolderName_Prefix",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_RegionCode_ValidFrom_Id",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ValidFrom_Id",
                table: "Certificates");
        }
    }
}
