namespace Bff.RateLimiting;

/// <summary>
/// The generic cell rate algorithm (ITU-T I.371's virtual scheduling form). Each key keeps one number, its theoretical
/// arrival time (TAT): when its quota would be fully restored. A request at <c>now</c> is allowed when, after adding
/// one emission interval T to <c>max(TAT, now)</c>, the TAT is no more than the tolerance (burst × T) ahead of now.
/// All values are whole microseconds, so this and the Redis Lua script (<see cref="GcraScript"/>) compute the
/// same answers (Lua numbers are doubles: integers up to 2^53 are exact).
/// </summary>
internal static class Gcra
{
    /// <param name="storedTat">The key's TAT, or anything ≤ <paramref name="now"/> for a key with no history.</param>
    /// <param name="now">The current time.</param>
    /// <param name="interval">T: the emission interval.</param>
    /// <param name="tolerance">τ: burst × T.</param>
    public static GcraResult Evaluate(long storedTat, long now, long interval, long tolerance)
    {
        var tat = Math.Max(storedTat, now);
        var newTat = tat + interval;
        var allowAt = newTat - tolerance;
        if (allowAt > now)
        {
            return new GcraResult(false, 0, tat - now, allowAt - now, storedTat);
        }

        var resetAfter = newTat - now;
        return new GcraResult(true, (tolerance - resetAfter) / interval, resetAfter, 0, newTat);
    }
}
