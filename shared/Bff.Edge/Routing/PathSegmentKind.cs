namespace Bff.Edge.Routing;

/// <summary>Kinds of template segments, in precedence order (a literal beats a parameter beats a catch-all).</summary>
internal enum PathSegmentKind
{
    Literal,
    Parameter,
    CatchAll,
}
