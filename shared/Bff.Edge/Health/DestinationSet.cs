using Bff.Edge.LoadBalancing;

namespace Bff.Edge.Health;

/// <summary>
/// The destinations currently taking traffic, immutable: a health change builds a new set and swaps it in, so
/// picking a destination never takes a lock.
/// </summary>
internal sealed class DestinationSet
{
    public static readonly DestinationSet Empty = new([]);

    public DestinationSet(DestinationState[] items)
    {
        Items = items;
        Wheel = WeightedWheel.Build(items);
    }

    public DestinationState[] Items { get; }

    /// <summary>Destinations repeated in proportion to their weights, interleaved smoothly.</summary>
    public DestinationState[] Wheel { get; }
}
