namespace Bff.Stubs.Seed;

/// <summary>Whether seeding has finished; read by the readiness check.</summary>
internal sealed class SeedStatus
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public TimeSpan Elapsed { get; private set; }

    public void MarkReady(TimeSpan elapsed)
    {
        Elapsed = elapsed;
        _ready = true;
    }
}
