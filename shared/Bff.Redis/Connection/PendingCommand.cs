namespace Bff.Redis;

/// <summary>
/// A command on its way: queued for the writer, then waiting in order for its reply. Completing it early (timeout,
/// cancellation, dispose) is safe: the writer skips a completed command and a late reply is simply dropped.
/// </summary>
internal sealed class PendingCommand : TaskCompletionSource<RedisReply>
{
    public PendingCommand(RedisValue[] command)
        : base(TaskCreationOptions.RunContinuationsAsynchronously) => Command = command;

    public RedisValue[] Command { get; }

    public void Complete(RedisReply reply)
    {
        if (reply.Kind == RedisReplyKind.Error)
        {
            TrySetException(new RedisServerException(reply.AsString() ?? "ERR"));
        }
        else
        {
            TrySetResult(reply);
        }
    }
}
