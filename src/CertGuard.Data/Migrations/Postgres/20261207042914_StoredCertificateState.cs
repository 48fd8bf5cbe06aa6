using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoredCertificateState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndexedState",
                table: "Certificates",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Any state will do: the date below marks every existing row as not yet worked out, so the search reads
                // it by its dates until the overdue job (at its next start) works it out (StoredStates).
                defaultValue: "Valid");

            migrationBuilder.AddColumn<DateOnly>(
                name: "IndexedStateUntil",
                table: "Certificates",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_IndexedState_ValidFrom_Id",
                table: "Certificates",
                columns: new[] { "IndexedState", "ValidFrom", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "IndexedStateUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_IndexedStateUntil",
                table: "Certificates",
                column: "IndexedStateUntil");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_RegionCode_IndexedState_ValidFrom_Id",
                table: "Certificates",
                columns: new[] { "RegionCode", "IndexedState", "ValidFrom", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "IndexedStateUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_IndexedState_ValidFrom_Id",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_IndexedStateUntil",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_RegionCode_IndexedState_ValidFrom_Id",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "IndexedState",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "IndexedStateUntil",
                table: "Certificates");
        }
    }
}
