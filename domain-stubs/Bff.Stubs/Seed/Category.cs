namespace Bff.Stubs.Seed;

/// <summary>A seeded product category: its name, a typical price and the nouns its products are named with.</summary>
internal sealed record Category(string Name, decimal BasePrice, IReadOnlyList<string> Nouns);
