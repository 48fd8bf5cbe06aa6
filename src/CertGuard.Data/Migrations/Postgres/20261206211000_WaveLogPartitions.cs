using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WaveLogPartitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The verification log partitioned by month (raw SQL: EF Core cannot express partitioning).
            migrationBuilder.Sql(CertGuard.Data.Verification.VerificationLogPartitioning.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CertGuard.Data.Verification.VerificationLogPartitioning.Down);
        }
    }
}
