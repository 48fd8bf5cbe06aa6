using System.Security.Claims;
using CertGuard.Core;
using CertGuard.Core.Catalogue;
using CertGuard.Core.Employers;
using CertGuard.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CertGuard.Web.Features.Employers;

/// <summary>
/// <c>/api/v1/positions</c>: the employer's special-operation positions (岗位), each with the operation items it
/// accepts; a worker qualifies with a valid certificate for any one of them.
/// </summary>
public static class PositionsApi
{
    public sealed record PositionRequest(string? Name, IReadOnlyList<string>? Items, string? Duties);

    public sealed record ItemResponse(string Code, string Name);

    public sealed record PositionResponse(Guid Id, string Name, IReadOnlyList<ItemResponse> Items, string? Duties, DateTimeOffset UpdatedAt)
    {
        public static PositionResponse From(Position p) => new(
            p.Id, p.Name, p.Items.Select(i => new ItemResponse(i, OperationCatalogue.Current.ItemName(i))).ToList(), p.Duties, p.UpdatedAt);
    }

    public static RouteGroupBuilder MapPositionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/positions").WithTags("特种作业岗位 Positions").RequireAuthorization(EmployerAccess.SelfPolicy);
        group.MapGet("/", ListAsync).WithSummary("本单位的特种作业岗位");
        group.MapPost("/", DefineAsync).WithSummary("新增岗位：名称与要求的准操项目（持有其中任一项有效证书即为持证）");
        group.MapPut("/{id:guid}", ChangeAsync).WithSummary("修改岗位");
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("删除岗位");
        return api;
    }

    private static async Task<Ok<List<PositionResponse>>> ListAsync(ClaimsPrincipal user, PositionBook book, CancellationToken ct) =>
        TypedResults.Ok((await book.ListAsync(Own(user), ct)).Select(PositionResponse.From).ToList());

    private static async Task<Results<Created<PositionResponse>, ProblemHttpResult>> DefineAsync(
        PositionRequest request, ClaimsPrincipal user, PositionBook book, CancellationToken ct)
    {
        var position = await book.DefineAsync(Own(user), request.Name ?? "", request.Items ?? [], request.Duties, ct);
        return TypedResults.Created($"/api/v1/positions/{position.Id}", PositionResponse.From(position));
    }

    private static async Task<Results<Ok<PositionResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, PositionRequest request, ClaimsPrincipal user, PositionBook book, CancellationToken ct)
    {
        var position = await book.ChangeAsync(Own(user), id, request.Name ?? "", request.Items ?? [], request.Duties, ct);
        return position is null ? NotFound() : TypedResults.Ok(PositionResponse.From(position));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ClaimsPrincipal user, PositionBook book, CancellationToken ct) =>
        await book.DeleteAsync(Own(user), id, ct) ? TypedResults.NoContent() : NotFound();

    private static Guid Own(ClaimsPrincipal user) => EmployerAccess.OwnEmployer(user)!.Value;

    private static ProblemHttpResult NotFound() => Problems.NotFound("POSITION-NOT-FOUND", "未找到该岗位，或它不属于本单位。");
}
