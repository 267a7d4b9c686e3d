using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Routing;

/// <summary>All routes of a snapshot in match order: <c>Order</c>, then path specificity, then id.</summary>
internal sealed class RouteTable
{
    private readonly EdgeRoute[] _routes;

    public RouteTable(IEnumerable<EdgeRoute> routes)
    {
        var list = routes.ToList();
        list.Sort(static (a, b) =>
        {
            var byOrder = a.Config.Order.CompareTo(b.Config.Order);
            if (byOrder != 0)
            {
                return byOrder;
            }

            var bySpecificity = PathTemplate.CompareSpecificity(a.Template, b.Template);
            return bySpecificity != 0 ? bySpecificity : string.CompareOrdinal(a.Id, b.Id);
        });
        _routes = [.. list];
    }

    public IReadOnlyList<EdgeRoute> Routes => _routes;

    /// <summary>The first matching route, or null. <paramref name="captures"/> then holds its parameter ranges.</summary>
    public EdgeRoute? Match(HttpRequest request, ReadOnlySpan<char> path, Span<Range> captures)
    {
        foreach (var route in _routes)
        {
            if (route.Matches(request, path, captures))
            {
                return route;
            }
        }

        return null;
    }
}
