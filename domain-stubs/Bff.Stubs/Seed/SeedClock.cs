namespace Bff.Stubs.Seed;

/// <summary>The fixed calendar the seed lives in, so every start yields the same timestamps.</summary>
internal static class SeedClock
{
    /// <summary>The moment the seeded history ends; every seeded timestamp is before it.</summary>
    public static DateTimeOffset End { get; } = new(2026, 10, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A whole-second time within the <paramref name="days"/> days before <paramref name="before"/>.</summary>
    public static DateTimeOffset Before(Random random, DateTimeOffset before, int days) =>
        before.AddSeconds(-random.NextInt64(1, (long)days * 24 * 3600));
}
