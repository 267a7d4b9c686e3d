using System.Text;

namespace Bff.Edge.Transforms;

/// <summary>
/// A transform value with optional route values, <c>"tenant-{id}"</c>, parsed at load. A value without route
/// values is a constant and renders without allocating.
/// </summary>
internal sealed class ValueTemplate
{
    private readonly string? _constant;
    private readonly (string? Literal, int Index)[] _parts;

    private ValueTemplate(string? constant, (string?, int)[] parts)
    {
        _constant = constant;
        _parts = parts;
    }

    public bool UsesRouteValues => _constant is null;

    /// <summary>The value itself when it uses no route values.</summary>
    public string? Constant => _constant;

    /// <summary>Parses <paramref name="text"/>; each <c>{name}</c> (or <c>{**name}</c>) must be one of <paramref name="parameterNames"/>.</summary>
    public static bool TryParse(string text, IReadOnlyList<string> parameterNames, out ValueTemplate? template, out string? error)
    {
        template = null;
        error = null;
        var parts = new List<(string?, int)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add((text[position..], -1));
                break;
            }

            if (open > position)
            {
                parts.Add((text[position..open], -1));
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                error = $"'{text}' has an unclosed '{{'";
                return false;
            }

            var name = text[(open + 1)..close].TrimStart('*');
            var index = IndexOf(parameterNames, name);
            if (index < 0)
            {
                error = $"'{text}' uses '{{{name}}}', which the route's Match.Path does not define";
                return false;
            }

            parts.Add((null, index));
            position = close + 1;
        }

        template = parts.TrueForAll(p => p.Item1 is not null) ? new ValueTemplate(text, []) : new ValueTemplate(null, [.. parts]);
        return true;
    }

    /// <summary>
    /// The value for one request. Route values are decoded path text: <paramref name="escapeRouteValues"/>
    /// percent-encodes one that holds anything but visible ASCII, so a header can never carry CR, LF or non-ASCII.
    /// </summary>
    public string Render(string[]? routeValues, bool escapeRouteValues)
    {
        if (_constant is not null)
        {
            return _constant;
        }

        var builder = new StringBuilder();
        foreach (var (literal, index) in _parts)
        {
            if (literal is not null)
            {
                builder.Append(literal);
                continue;
            }

            var value = routeValues?[index] ?? string.Empty;
            builder.Append(escapeRouteValues && !IsVisibleAscii(value) ? Uri.EscapeDataString(value) : value);
        }

        return builder.ToString();
    }

    private static bool IsVisibleAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
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
}
