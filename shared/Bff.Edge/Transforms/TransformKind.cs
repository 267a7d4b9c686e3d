namespace Bff.Edge.Transforms;

/// <summary>What a header or query transform does, in the order a route applies them.</summary>
internal enum TransformKind
{
    Remove,
    Rename,
    Set,
    Add,
}
