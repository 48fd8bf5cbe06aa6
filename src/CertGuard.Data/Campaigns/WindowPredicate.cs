using System.Linq.Expressions;

namespace CertGuard.Data.Campaigns;

/// <summary>
/// The window's condition on a query, written once for every source: the moment in [the city's start, the city's end),
/// the city among the window's. When cities' windows differ (the province sheet's open reports each count from their
/// own cut-off), their own bounds become one OR over those cities beside the common bounds, which keep the moment's
/// index usable: one query per code for all 21 cities instead of one per distinct window.
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
        var own = (window.Starts?.Keys ?? []).Union(window.Ends?.Keys ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (own.Count > 0)
        {
            // Cities of the common bounds, or a city with bounds of its own within them.
            Expression inOwn = Expression.Not(In(own, cityOf));
            foreach (var code in own)
            {
                Expression term = Expression.Equal(cityOf, Value(code));
                if (window.Starts?.TryGetValue(code, out var start) == true)
                    term = Expression.AndAlso(term, Expression.GreaterThanOrEqual(atOf, Value<DateTimeOffset?>(start)));
                if (window.Ends?.TryGetValue(code, out var end) == true)
                    term = Expression.AndAlso(term, Expression.LessThan(atOf, Value<DateTimeOffset?>(end)));
                inOwn = Expression.OrElse(inOwn, term);
            }
            body = Expression.AndAlso(body, inOwn);
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
