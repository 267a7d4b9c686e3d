using Bff.Stubs.Hosting;
using Microsoft.Extensions.Options;

namespace Bff.Stubs.Faults;

/// <summary>
/// The dice behind <c>errorRate</c> and <c>jitterMs</c>: <see cref="Random.Shared"/>, or a sequence fixed by
/// <c>Stub:FaultSeed</c> so a test can replay the same outcomes.
/// </summary>
internal sealed class FaultRandom(IOptions<StubOptions> options)
{
    private readonly Random? _seeded = options.Value.FaultSeed is { } seed ? new Random(seed) : null;
    private readonly Lock _gate = new();

    /// <summary>A number in [0, 1): an error fires when it is below the rate, so rate 1 always fires and 0 never.</summary>
    public double NextDouble()
    {
        if (_seeded is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (_gate)
        {
            return _seeded.NextDouble();
        }
    }
}
