using System.Linq.Expressions;

namespace CertGuard.Data.Campaigns;

/// <summary>
/// The window's condition on a query, written once for every source: the moment in [the city's start, To), the city
/// among the window's. When cities start apart (the province sheet's open reports each count from their own cut-off),
/// the later starts become one OR over those cities beside the common lower bound, which keeps the moment's index
/// usable: one query per code for all 21 cities instead of one per distinct start.
/// </summary>
internal static class WindowPredicate
{
    public static IQueryable<T> Within<T>(this IQueryable<T> query, IndicatorWindow window,
        Expression<Func<T, string>> city, Expression<Func<T, DateTimeOffset?>> at)
    {
        var row = city.Parameters[0];
        var cityOf = city.Body;
        var atOf = new Rebind(at.Parameters[0], row).Visit(at.Body);
        Expression body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(atOf, Value<DateTimeOffset?>(window.From)),
            Expression.LessThan(atOf, Value<DateTimeOffset?>(window.To)));
        if (window.CityCodes is not null)
            body = Expression.AndAlso(body, In(window.CityCodes.ToList(), cityOf));
        if (window.Starts is { Count: > 0 } starts)
        {
            // Cities of the common start, or a later-starting city from its own start.
            Expression later = Expression.Not(In(starts.Keys.ToList(), cityOf));
            foreach (var (code, start) in starts.OrderBy(s => s.Key, StringComparer.Ordinal))
                later = Expression.OrElse(later, Expression.AndAlso(
                    Expression.Equal(cityOf, Value(code)),
                    Expression.GreaterThanOrEqual(atOf, Value<DateTimeOffset?>(start))));
            body = Expression.AndAlso(body, later);
        }
        return query.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    private static MethodCallExpression In(List<string> codes, Expression city) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Value(codes), city);

    // A captured value, which EF Core sends as a parameter (a constant would be inlined and split the query cache).
    private static Expression Value<TValue>(TValue value)
    {
        Expression<Func<TValue>> captured = () => value;
        return captured.Body;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
