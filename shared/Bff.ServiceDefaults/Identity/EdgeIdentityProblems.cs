using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Bff.ServiceDefaults.Identity;

/// <summary>The RFC 9457 documents of identity refusals, in the shape every BFF uses: a status type and a <c>code</c>.</summary>
internal static class EdgeIdentityProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, string code) =>
        Results.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            type: "https://httpstatuses.io/" + status.ToString(CultureInfo.InvariantCulture),
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(context);
}
