using System.Diagnostics;

namespace Bff.Stubs.Seed;

/// <summary>
/// Loads every <see cref="ISeedable"/> in the background once the host starts, then flips <see cref="SeedStatus"/>:
/// <c>/healthz</c> answers at once, <c>/readyz</c> only when the data is there.
/// </summary>
internal sealed partial class SeedHostedService(
    IEnumerable<ISeedable> seedables,
    SeedStatus status,
    ILogger<SeedHostedService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            var total = Stopwatch.StartNew();
            foreach (var seedable in seedables)
            {
                var watch = Stopwatch.StartNew();
                var count = seedable.Seed();
                LogSeeded(logger, seedable.Name, count, watch.ElapsedMilliseconds);
            }

            status.MarkReady(total.Elapsed);
            LogReady(logger, total.ElapsedMilliseconds);
        },
        stoppingToken);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Seeded {Dataset}: {Count} items in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, string dataset, int count, long elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Ready after seeding for {ElapsedMs} ms")]
    private static partial void LogReady(ILogger logger, long elapsedMs);
}
