using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusListId",
                table: "Certificates",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CredentialKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kid = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Authority = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubjectPublicKeyInfo = table.Column<byte[]>(type: "bytea", nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CredentialKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatusLists",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Authority = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Bits = table.Column<byte[]>(type: "bytea", nullable: false),
                    Assigned = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
