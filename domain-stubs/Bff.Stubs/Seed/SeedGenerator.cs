namespace Bff.Stubs.Seed;

/// <summary>
/// Builds the seeded datasets from fixed seeds with <see cref="Random"/> (its seeded sequence is stable across
/// runtimes), so every process of every service sees the same data; each dataset has its own seed so
/// generating one never shifts another.
/// </summary>
internal static partial class SeedGenerator
{
    private const string Currency = "EUR";

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
