using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Bff.Redis;

/// <summary>
/// One TCP connection shared by every caller. Callers' commands go through a channel to a single writer, which
/// writes them back to back (pipelining) and records each in the order it was written; a single reader parses
/// replies from pooled buffers and completes the recorded commands in that same order. When either side fails,
/// every command not yet answered fails with the cause and the connection never serves again.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    // Flush mid-batch past this much so one huge batch does not sit in memory.
    private const int FlushThreshold = 64 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Channel<PendingCommand> _outbox =
        Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentQueue<PendingCommand> _awaiting = new();
    private readonly Action<RedisConnection, Exception> _onClosed;
    private readonly Task _writeLoop;
    private readonly Task _readLoop;
    private Exception? _closeReason;
    private int _closed;
    private int _timeoutsSinceLastReply;

    private RedisConnection(Socket socket, string endpoint, Action<RedisConnection, Exception> onClosed)
    {
        _socket = socket;
        Endpoint = endpoint;
        _onClosed = onClosed;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        _output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        _writeLoop = Task.Run(WriteLoopAsync);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public string Endpoint { get; }

    public bool IsAlive => Volatile.Read(ref _closed) == 0;

    public static async Task<RedisConnection> ConnectAsync(
        RedisEndpoint endpoint,
        TimeSpan timeout,
        Action<RedisConnection, Exception> onClosed,
        CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new RedisConnectionException($"Could not connect to Redis at {endpoint} within {timeout.TotalMilliseconds:0} ms.");
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new RedisConnectionException($"Could not connect to Redis at {endpoint}: {exception.SocketErrorCode}.", exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RedisConnection(socket, endpoint.ToString(), onClosed);
    }

    /// <summary>
    /// Counts a command that timed out; returns how many did since the last reply arrived. A connection that keeps
    /// timing out with nothing coming back may be half-open (the peer vanished without a reset): the client closes it.
    /// </summary>
    public int RecordTimeout() => Interlocked.Increment(ref _timeoutsSinceLastReply);

    /// <summary>Queues a command for writing; false when the connection is already closed.</summary>
    public bool TryEnqueue(PendingCommand command) => IsAlive && _outbox.Writer.TryWrite(command);

    /// <summary>Closes the connection and fails every unanswered command with <paramref name="reason"/>.</summary>
    public void Close(Exception reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _closeReason = reason;
        _outbox.Writer.TryComplete();
        _socket.Dispose();
        FailUnanswered();
        _onClosed(this, reason);
    }

    public async ValueTask DisposeAsync()
    {
        Close(new RedisConnectionException($"The Redis connection to {Endpoint} was closed by the client."));
        await Task.WhenAll(_writeLoop, _readLoop).ConfigureAwait(false);
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var outbox = _outbox.Reader;
        try
        {
            while (await outbox.WaitToReadAsync().ConfigureAwait(false))
            {
                while (IsAlive && outbox.TryRead(out var command))
                {
                    // Timed out or cancelled before it was sent: skip it so the server never runs it.
                    if (command.Task.IsCompleted)
                    {
                        continue;
                    }

                    _awaiting.Enqueue(command);
                    RespWriter.WriteCommand(_output, command.Command);
                    if (_output.UnflushedBytes > FlushThreshold)
                    {
                        await _output.FlushAsync().ConfigureAwait(false);
                    }
                }

                await _output.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            // Whatever stops the writer (socket error, a disposed pipe) must fail the callers, never strand them.
            Close(new RedisConnectionException($"Writing to Redis at {Endpoint} failed: {exception.Message}", exception));
        }
        finally
        {
            // A command recorded while Close was draining would otherwise wait forever.
            FailUnanswered();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                var consumed = DeliverReplies(buffer);
                if (result.IsCompleted)
                {
                    var detail = buffer.Slice(consumed).IsEmpty ? string.Empty : " in the middle of a reply";
                    throw new RedisConnectionException($"Redis at {Endpoint} closed the connection{detail}.");
                }

                _input.AdvanceTo(consumed, buffer.End);
            }
        }
        catch (RedisException exception)
        {
            Close(exception);
        }
        catch (Exception exception)
        {
            Close(new RedisConnectionException($"Reading from Redis at {Endpoint} failed: {exception.Message}", exception));
        }
        finally
        {
            FailUnanswered();
        }
    }

    private SequencePosition DeliverReplies(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        var consumed = buffer.Start;
        while (RespParser.TryRead(ref reader, out var reply))
        {
            consumed = reader.Position;
            if (!_awaiting.TryDequeue(out var command))
            {
                throw new RedisProtocolException($"Protocol error: Redis at {Endpoint} sent a reply no command was waiting for.");
            }

            command.Complete(reply);
            Volatile.Write(ref _timeoutsSinceLastReply, 0);
        }

        return consumed;
    }

    private void FailUnanswered()
    {
        if (IsAlive)
        {
            return;
        }

        var reason = _closeReason ?? new RedisConnectionException($"The Redis connection to {Endpoint} is closed.");
        while (_awaiting.TryDequeue(out var command))
        {
            command.TrySetException(reason);
        }

        while (_outbox.Reader.TryRead(out var command))
        {
            command.TrySetException(reason);
        }
    }
}
