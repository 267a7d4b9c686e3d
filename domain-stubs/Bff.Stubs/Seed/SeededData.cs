namespace Bff.Stubs.Seed;

/// <summary>
/// Data generated on first use, at most once: the background seeding forces it early, and a request that
/// arrives before that simply waits for it instead of seeing an empty store.
/// </summary>
/// <typeparam name="T">What the generator builds.</typeparam>
internal sealed class SeededData<T>(Func<T> generate)
    where T : class
{
    private readonly Lazy<T> _value = new(generate, LazyThreadSafetyMode.ExecutionAndPublication);

    public T Value => _value.Value;
}
