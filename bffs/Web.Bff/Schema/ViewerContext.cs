using System.Globalization;
using Bff.GraphQL.Execution;
using Bff.ServiceDefaults.Identity;

namespace Web.Bff.Schema;

/// <summary>The signed-in user of the request, as the edge asserted it (never from arguments).</summary>
internal static class ViewerContext
{
    /// <summary>The viewer's user id; the caller policy (<c>WebCallerPolicy</c>) admits positive integer subjects only.</summary>
    public static int UserId(this IResolverContext context)
    {
        var http = (HttpContext)context.Items[nameof(HttpContext)]!;
        return int.Parse(http.GetEdgeIdentity().Subject, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
