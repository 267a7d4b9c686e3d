namespace Bff.Edge.Routing;

/// <summary>
/// The route a request matched, set on <c>HttpContext.Features</c> by routing before any per-route middleware
/// (authentication and rate limiting will read their policy here) and before forwarding.
/// </summary>
public interface IEdgeRouteFeature
{
    /// <summary>The route's id (its key under <c>Routes</c>).</summary>
    string RouteId { get; }

    /// <summary>The cluster the request goes to.</summary>
    string ClusterId { get; }
}
