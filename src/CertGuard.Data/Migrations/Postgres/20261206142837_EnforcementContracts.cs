using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertGuard.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnforcementContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "InspectionLeads",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "InspectionLeads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "InspectionLeads",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disposition",
                table: "InspectionLeads",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DispositionNote",
                table: "InspectionLeads",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "InspectionLeads",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "InspectionLeads",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferredTo",
                table: "InspectionLeads",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceId",
                table: "InspectionLeads",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "InspectionLeads",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "InspectionLeads",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionLeads_RegionCode_Status",
                table: "InspectionLeads",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionLeads_Source_SourceId",
                table: "InspectionLeads",
                columns: new[] { "Source", "SourceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InspectionLeads_RegionCode_Status",
                table: "InspectionLeads");

            migrationBuilder.DropIndex(
                name: "IX_InspectionLeads_Source_SourceId",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "Disposition",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "DispositionNote",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "ReferredTo",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "InspectionLeads");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "InspectionLeads");
        }
    }
}
