using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Transforms;

/// <summary>One compiled header change: <see cref="NewName"/> for renames, <see cref="Value"/> for set and add.</summary>
internal readonly record struct HeaderTransform(TransformKind Kind, string Name, string? NewName, ValueTemplate? Value)
{
    public void Apply(IHeaderDictionary headers, string[]? routeValues)
    {
        switch (Kind)
        {
            case TransformKind.Remove:
                headers.Remove(Name);
                break;
            case TransformKind.Rename:
                if (headers.TryGetValue(Name, out var values))
                {
                    headers.Remove(Name);
                    headers[NewName!] = values;
                }

                break;
            case TransformKind.Set:
                headers[Name] = Value!.Render(routeValues, escapeRouteValues: true);
                break;
            default:
                headers.Append(Name, Value!.Render(routeValues, escapeRouteValues: true));
                break;
        }
    }
}
