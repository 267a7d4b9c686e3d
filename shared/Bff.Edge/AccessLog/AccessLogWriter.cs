using System.Text.Json;
using System.Threading.Channels;
using Bff.Edge.Configuration;
using Bff.Edge.Forwarding;
using Bff.Edge.Headers;
using Bff.Edge.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.AccessLog;

/// <summary>
/// Writes access log entries as JSON lines on a background task, so a slow terminal or disk never delays a
/// request. The queue is bounded: under overload lines are dropped (and counted) rather than memory growing.
/// </summary>
internal sealed class AccessLogWriter : IAsyncDisposable
{
    private const int Capacity = 16 * 1024;

    private readonly Channel<AccessLogEntry> _channel;
    private readonly Stream? _output;
    private readonly Task _pump;
    private readonly ILogger<AccessLogWriter> _logger;
    private long _dropped;

    public AccessLogWriter(AccessLogConfig config, ILogger<AccessLogWriter> logger)
    {
        _logger = logger;
        Enabled = config.Enabled;
        _channel = Channel.CreateBounded<AccessLogEntry>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        if (!Enabled)
        {
            _pump = Task.CompletedTask;
            return;
        }

        if (config.Path is null or "stdout")
        {
            _output = Console.OpenStandardOutput();
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(config.Path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            _output = new FileStream(config.Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1, useAsync: true);
        }

        _pump = Task.Run(PumpAsync);
    }

    public bool Enabled { get; }

    public void Write(in AccessLogEntry entry)
    {
        if (Enabled && !_channel.Writer.TryWrite(entry))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            if ((dropped & 1023) == 1)
            {
                Log.AccessLogDropped(_logger, dropped);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        if (_output is not null)
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static void Format(Utf8JsonWriter writer, in AccessLogEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("ts", entry.Timestamp);
        writer.WriteString("method", entry.Method);
        writer.WriteString("path", entry.Path);
        writer.WriteString("protocol", entry.Protocol);
        writer.WriteString("route", entry.RouteId);
        writer.WriteNumber("status", entry.Status);
        writer.WriteNumber("durationMs", Math.Round(entry.DurationMs, 3));
        writer.WriteString("upstream", entry.Upstream);
        writer.WriteNumber("bytesIn", entry.BytesIn);
        writer.WriteNumber("bytesOut", entry.BytesOut);
        writer.WriteString("client", entry.Client?.ToString());
        writer.WriteString("traceId", TraceContextHeaders.TraceIdOf(entry.TraceParent));
        if (entry.Error is not null)
        {
            writer.WriteString("error", entry.Error);
        }

        writer.WriteEndObject();
    }

    private async Task PumpAsync()
    {
        using var buffer = new PooledBufferWriter();
        await using var writer = new Utf8JsonWriter(buffer);
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Drain everything queued, then write it in one go.
            while (reader.TryRead(out var entry))
            {
                Format(writer, entry);
                await writer.FlushAsync().ConfigureAwait(false);
                buffer.GetSpan(1)[0] = (byte)'\n';
                buffer.Advance(1);
                writer.Reset();
                if (buffer.WrittenCount > 64 * 1024)
                {
                    break;
                }
            }

            try
            {
                await _output!.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
                await _output.FlushAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // A closed stdout must not take the gateway down; the lines are lost.
            }

            buffer.Clear();
        }
    }
}
