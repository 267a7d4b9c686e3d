using System.Text;
using Bff.Edge.Configuration;

namespace Bff.Edge.Routing;

/// <summary>
/// A route's path rewrite, compiled at load. Works on the decoded path; encoding for the upstream happens after.
/// Allocates only when the path actually changes.
/// </summary>
internal sealed class PathTransform
{
    public static readonly PathTransform Identity = new(null, null, null);

    private readonly string? _removePrefix;
    private readonly string? _addPrefix;
    private readonly PatternPart[]? _pattern;

    private PathTransform(string? removePrefix, string? addPrefix, PatternPart[]? pattern)
    {
        _removePrefix = removePrefix;
        _addPrefix = addPrefix;
        _pattern = pattern;
    }

    public bool NeedsCaptures => _pattern is not null;

    public static PathTransform Create(RouteTransformsConfig transforms, PathTemplate template)
    {
        if (transforms.PathPattern is { } pattern)
        {
            return TryCreatePattern(pattern, template, out var transform, out var error)
                ? transform!
                : throw new InvalidOperationException(error);
        }

        var remove = TrimTrailingSlash(transforms.PathRemovePrefix);
        var add = TrimTrailingSlash(transforms.PathPrefix);
        return remove is null && add is null ? Identity : new PathTransform(remove, add, null);
    }

    public static bool TryCreatePattern(string pattern, PathTemplate template, out PathTransform? transform, out string? error)
    {
        transform = null;
        error = null;
        if (!pattern.StartsWith('/'))
        {
            error = $"'{pattern}' must start with '/'";
            return false;
        }

        var parts = new List<PatternPart>();
        var position = 0;
        while (position < pattern.Length)
        {
            var open = pattern.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(new PatternPart(pattern[position..], -1));
                break;
            }

            if (open > position)
            {
                parts.Add(new PatternPart(pattern[position..open], -1));
            }

            var close = pattern.IndexOf('}', open);
            if (close < 0)
            {
                error = $"'{pattern}' has an unclosed '{{'";
                return false;
            }

            var name = pattern[(open + 1)..close].TrimStart('*');
            var index = IndexOf(template.ParameterNames, name);
            if (index < 0)
            {
                error = $"'{pattern}' uses '{{{name}}}', which the route's Match.Path '{template.Text}' does not define";
                return false;
            }

            parts.Add(new PatternPart(null, index));
            position = close + 1;
        }

        transform = new PathTransform(null, null, [.. parts]);
        return true;
    }

    /// <summary>The path to send upstream, still decoded.</summary>
    public string Apply(string path, ReadOnlySpan<Range> captures)
    {
        if (_pattern is not null)
        {
            var builder = new StringBuilder(path.Length + 16);
            foreach (var part in _pattern)
            {
                if (part.Literal is not null)
                {
                    builder.Append(part.Literal);
                }
                else
                {
                    builder.Append(path.AsSpan()[captures[part.ParameterIndex]]);
                }
            }

            return builder.ToString();
        }

        var result = path;
        if (_removePrefix is not null
            && result.StartsWith(_removePrefix, StringComparison.OrdinalIgnoreCase)
            && (result.Length == _removePrefix.Length || result[_removePrefix.Length] == '/'))
        {
            result = result.Length == _removePrefix.Length ? "/" : result[_removePrefix.Length..];
        }

        if (_addPrefix is not null)
        {
            result = string.Concat(_addPrefix, result);
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? TrimTrailingSlash(string? prefix) =>
        prefix is null ? null : prefix.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : null;

    private readonly record struct PatternPart(string? Literal, int ParameterIndex);
}
