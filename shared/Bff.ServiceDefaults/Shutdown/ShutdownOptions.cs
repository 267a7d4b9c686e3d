namespace Bff.ServiceDefaults.Shutdown;

/// <summary>The graceful stop of a BFF (configuration section <c>Shutdown</c>); the edge sets the same from its config file.</summary>
public sealed class ShutdownOptions
{
    /// <summary>The section bound.</summary>
    public const string SectionName = "Shutdown";

    /// <summary>
    /// <c>Shutdown:Delay</c>: after SIGTERM, how long the service keeps serving while <c>/readyz</c> answers 503 and
    /// connections close after their request, so balancers (the edge's health checks, Kubernetes endpoints) take it out
    /// first. Default 0 (nothing in front to wait for, as with <c>./run.sh</c>); 0..5 min.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary><c>Shutdown:Timeout</c>: after the delay, how long requests in flight may take to finish. Default 15 s; 0..5 min.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
