using System.Collections.Concurrent;
using Bff.TestSupport.Paths;
using Bff.TestSupport.Processes;

namespace Bff.Contracts.Tests.Provider;

/// <summary>The real stub executable, started once per service on first use and stopped with the fixture.</summary>
public sealed class StubServers : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ServiceProcess>>> _servers = new(StringComparer.Ordinal);

    internal Task<ServiceProcess> GetAsync(string service) =>
        _servers.GetOrAdd(service, name => new Lazy<Task<ServiceProcess>>(() => ServiceProcess.StartDotnetAsync(
            RepoPaths.SiblingDll("Bff.Stubs"),
            ["--service", name],
            new ServiceProcessOptions { ReadyTimeout = TimeSpan.FromSeconds(90) }))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values.Where(s => s.IsValueCreated))
        {
            try
            {
                await (await server.Value).DisposeAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // It never started: the failing test already reported why.
            }
        }
    }
}
