namespace Bff.TestSupport.Processes;

/// <summary>How a <see cref="ServiceProcess"/> is started and when it counts as ready.</summary>
public sealed class ServiceProcessOptions
{
    /// <summary>Path answered with 200 once the process takes traffic. Default <c>/readyz</c>.</summary>
    public string ReadyPath { get; init; } = "/readyz";

    /// <summary>How long to wait for <see cref="ReadyPath"/>. Default 30 s.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra environment variables of the process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Working directory; the current one when null.</summary>
    public string? WorkingDirectory { get; init; }
}
