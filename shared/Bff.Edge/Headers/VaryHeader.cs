using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Headers;

/// <summary>Adds a field name to a response's <c>Vary</c> unless it (or <c>*</c>) is already listed.</summary>
internal static class VaryHeader
{
    public static void Append(IHeaderDictionary headers, string name)
    {
        var vary = headers.Vary;
        if (vary.Count == 0)
        {
            headers.Vary = name;
            return;
        }

        // Same comma-separated token list as Connection.
        if (HopByHopHeaders.IsListedInConnection(name, vary) || HopByHopHeaders.IsListedInConnection("*", vary))
        {
            return;
        }

        headers.Vary = string.Concat(vary.ToString(), ", ", name);
    }
}
