using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CredentialsAndStatusLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StatusIndex",
                table: "Certificates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusListId",
                table: "Certificates",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CredentialKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kid = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectPublicKeyInfo = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CredentialKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusLists",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Bits = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Assigned = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusLists", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_StatusListId_StatusIndex",
                table: "Certificates",
                columns: new[] { "StatusListId", "StatusIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CredentialKeys_Kid",
                table: "CredentialKeys",
                column: "Kid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CredentialKeys_Purpose_Authority_Status",
                table: "CredentialKeys",
                columns: new[] { "Purpose", "Authority", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusLists_Authority",
                table: "StatusLists",
                column: "Authority");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CredentialKeys");

            migrationBuilder.DropTable(
                name: "StatusLists");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_StatusListId_StatusIndex",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StatusIndex",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StatusListId",
                table: "Certificates");
        }
    }
}
