namespace Bff.ServiceDefaults.Shutdown;

/// <summary>
/// Whether the service is draining: set once when shutdown begins, read by <c>/readyz</c> and on every request.
/// </summary>
internal sealed class ShutdownDrain
{
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public void Begin() => _draining = true;
}
