namespace Bff.Edge.Routing;

/// <summary>
/// One segment of a <see cref="PathTemplate"/>: literal text, or a parameter's name and its capture index
/// (-1 for literals).
/// </summary>
internal readonly record struct PathSegment(PathSegmentKind Kind, string Text, int ParameterIndex);
