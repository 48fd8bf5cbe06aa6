using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Answer",
                table: "SuspectReferrals",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerDocument",
                table: "SuspectReferrals",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerNote",
                table: "SuspectReferrals",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnsweredAt",
                table: "SuspectReferrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "SuspectReferrals",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuspectReferrals_Department_Answer_AnsweredAt",
                table: "SuspectReferrals",
                columns: new[] { "Department", "Answer", "AnsweredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SuspectReferrals_Department_Answer_AnsweredAt",
                table: "SuspectReferrals");

            migrationBuilder.DropColumn(
                name: "Answer",
                table: "SuspectReferrals");

            migrationBuilder.DropColumn(
                name: "AnswerDocument",
                table: "SuspectReferrals");

            migrationBuilder.DropColumn(
                name: "AnswerNote",
                table: "SuspectReferrals");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "SuspectReferrals");

            migrationBuilder.DropColumn(
                name: "AnsweredBy",
                table: "SuspectReferrals");
        }
    }
}
