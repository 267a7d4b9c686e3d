namespace Bff.Stubs.Tests.Seed;

/// <summary>Runs the seed tests alone, so the timing test does not compete with the other test classes for CPU.</summary>
[CollectionDefinition(nameof(SeedGeneratorTests), DisableParallelization = true)]
public sealed class SeedTimingCollection;
