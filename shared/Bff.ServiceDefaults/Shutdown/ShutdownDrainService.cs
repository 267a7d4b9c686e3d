using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bff.ServiceDefaults.Shutdown;

/// <summary>
/// The first step of a graceful stop. The host calls <see cref="StoppingAsync"/> before any hosted service stops,
/// Kestrel included, so for the delay the service still accepts and serves while it reports itself not ready and
/// closes connections after their current request. A load balancer's health check then takes it out and clients
/// reconnect to the other instances; only after that does Kestrel stop accepting and drain what is in flight.
/// </summary>
internal sealed class ShutdownDrainService : IHostedLifecycleService
{
    private readonly ShutdownDrain _drain;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ShutdownDrainService> _logger;

    public ShutdownDrainService(ShutdownDrain drain, IOptions<ShutdownOptions> options, TimeProvider timeProvider, ILogger<ShutdownDrainService> logger)
    {
        _drain = drain;
        _delay = options.Value.Delay;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _drain.Begin();
        ShutdownLog.DrainStarted(_logger, _delay);
        try
        {
            await Task.Delay(_delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out (or a second signal came): stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
