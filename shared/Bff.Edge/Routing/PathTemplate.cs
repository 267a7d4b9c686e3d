namespace Bff.Edge.Routing;

/// <summary>
/// A parsed route path: <c>/literal/{param}/{**rest}</c>. Parsed once at config load; matching works on spans of
/// the request path and records parameter values as ranges, so it allocates nothing.
/// </summary>
internal sealed class PathTemplate
{
    /// <summary>Most parameters a template may have, so captures fit in a stack buffer.</summary>
    public const int MaxParameters = 16;

    private readonly PathSegment[] _segments;

    private PathTemplate(string text, PathSegment[] segments, string[] parameterNames)
    {
        Text = text;
        _segments = segments;
        ParameterNames = parameterNames;
    }

    public string Text { get; }

    public IReadOnlyList<PathSegment> Segments => _segments;

    /// <summary>Parameter names in order; index i is the capture index i of <see cref="TryMatch"/>.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Literal prefix before the first parameter, e.g. <c>/partner/v1</c>; <c>""</c> when it starts with one.</summary>
    public string LiteralPrefix
    {
        get
        {
            var parts = _segments.TakeWhile(s => s.Kind == PathSegmentKind.Literal).Select(s => s.Text);
            var prefix = string.Join('/', parts);
            return prefix.Length == 0 ? string.Empty : "/" + prefix;
        }
    }

    public static bool TryParse(string text, out PathTemplate? template, out string? error)
    {
        template = null;
        error = null;
        if (!text.StartsWith('/'))
        {
            error = $"'{text}' must start with '/'";
            return false;
        }

        var segments = new List<PathSegment>();
        var names = new List<string>();
        var parts = text.Length == 1 ? [] : text[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                if (i == parts.Length - 1)
                {
                    break; // A trailing slash is tolerated: "/graphql/" equals "/graphql".
                }

                error = $"'{text}' has an empty segment";
                return false;
            }

            if (part is "." or "..")
            {
                error = $"'{text}' has a dot segment";
                return false;
            }

            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                var catchAll = part.StartsWith("{**", StringComparison.Ordinal);
                var name = catchAll ? part[3..^1] : part[1..^1];
                if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                {
                    error = $"'{text}': parameter '{part}' needs a name of letters, digits, '_' or '-'";
                    return false;
                }

                if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    error = $"'{text}': parameter '{name}' appears twice";
                    return false;
                }

                if (catchAll && i != parts.Length - 1)
                {
                    error = $"'{text}': the catch-all '{part}' must be the last segment";
                    return false;
                }

                if (names.Count == MaxParameters)
                {
                    error = $"'{text}' has more than {MaxParameters} parameters";
                    return false;
                }

                names.Add(name);
                segments.Add(new PathSegment(catchAll ? PathSegmentKind.CatchAll : PathSegmentKind.Parameter, name, names.Count - 1));
                continue;
            }

            if (part.AsSpan().IndexOfAny('{', '}', '*') >= 0 || part.AsSpan().IndexOfAny('?', '#', '%') >= 0)
            {
                error = $"'{text}': segment '{part}' mixes literal text with '{{', '}}', '*', '?', '#' or '%'";
                return false;
            }

            segments.Add(new PathSegment(PathSegmentKind.Literal, part, -1));
        }

        template = new PathTemplate(text, [.. segments], [.. names]);
        return true;
    }

    /// <summary>
    /// Matches a decoded, slash-merged request path. <paramref name="captures"/> receives one range per parameter
    /// (into <paramref name="path"/>); it must hold at least <see cref="ParameterNames"/>.Count entries.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<char> path, Span<Range> captures)
    {
        var position = 0;
        var segments = _segments;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Kind == PathSegmentKind.CatchAll)
            {
                // Everything after the slash, possibly nothing: "/mobile" and "/mobile/a/b" both match /mobile/{**rest}.
                var start = position < path.Length ? position + 1 : path.Length;
                captures[segment.ParameterIndex] = new Range(start, path.Length);
                return true;
            }

            if (position >= path.Length || path[position] != '/')
            {
                return false;
            }

            var segmentStart = position + 1;
            var length = path[segmentStart..].IndexOf('/');
            var segmentEnd = length < 0 ? path.Length : segmentStart + length;
            var value = path[segmentStart..segmentEnd];
            if (segment.Kind == PathSegmentKind.Literal)
            {
                if (!value.Equals(segment.Text, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else
            {
                if (value.IsEmpty)
                {
                    return false;
                }

                captures[segment.ParameterIndex] = new Range(segmentStart, segmentEnd);
            }

            position = segmentEnd;
        }

        return position == path.Length || (position == path.Length - 1 && path[position] == '/');
    }

    /// <summary>Orders templates most specific first: segment by segment, literal before parameter before catch-all, longer before shorter.</summary>
    public static int CompareSpecificity(PathTemplate left, PathTemplate right)
    {
        var count = Math.Min(left._segments.Length, right._segments.Length);
        for (var i = 0; i < count; i++)
        {
            var byKind = left._segments[i].Kind.CompareTo(right._segments[i].Kind);
            if (byKind != 0)
            {
                return byKind;
            }
        }

        // With equal common segments the longer template is more specific, unless the shorter one ends there
        // (then the longer one has an extra segment that must exist).
        return right._segments.Length.CompareTo(left._segments.Length);
    }
}
