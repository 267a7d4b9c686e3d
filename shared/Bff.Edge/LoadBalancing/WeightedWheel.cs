using Bff.Edge.Health;

namespace Bff.Edge.LoadBalancing;

/// <summary>
/// Expands weights into a sequence where each destination appears in proportion to its weight, interleaved by
/// the smooth weighted round-robin rule (as nginx does), so 90/10 sends one in ten rather than ten in a row.
/// Built when the available set changes, never per request.
/// </summary>
internal static class WeightedWheel
{
    /// <summary>Longest wheel; larger weight totals are scaled down (keeping every positive weight at least 1).</summary>
    public const int MaxLength = 1000;

    public static DestinationState[] Build(DestinationState[] destinations)
    {
        if (destinations.Length == 0)
        {
            return [];
        }

        var weights = destinations.Select(d => Math.Max(1, d.Weight)).ToArray();
        var divisor = weights.Aggregate(GreatestCommonDivisor);
        var total = 0L;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= divisor;
            total += weights[i];
        }

        if (total > MaxLength)
        {
            var scale = (double)MaxLength / total;
            total = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = Math.Max(1, (int)Math.Round(weights[i] * scale));
                total += weights[i];
            }
        }

        var wheel = new DestinationState[total];
        var current = new long[weights.Length];
        for (var slot = 0; slot < wheel.Length; slot++)
        {
            var best = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                current[i] += weights[i];
                if (current[i] > current[best])
                {
                    best = i;
                }
            }

            current[best] -= total;
            wheel[slot] = destinations[best];
        }

        return wheel;
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
