namespace Bff.GraphQL.Execution;

/// <summary>
/// Per-request scheduler deciding when DataLoader batches go out: when every running async resolver
/// is waiting on a loader (so no more keys can arrive for this step), all queued batches are dispatched.
/// </summary>
internal sealed class DataLoaderScope(CancellationToken cancellationToken)
{
    private static readonly AsyncLocal<ResolverFrame?> Current = new();
    private readonly Lock _lock = new();
    private readonly List<IDataLoader> _queued = [];
    private int _active;
    private int _blocked;

    public static ResolverFrame? CurrentFrame => Current.Value;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ResolverFrame Enter()
    {
        var frame = new ResolverFrame();
        lock (_lock)
        {
            _active++;
        }

        Current.Value = frame;
        return frame;
    }

    /// <summary>Marks the executor itself as busy (starting work synchronously) without becoming a loader's waiter.</summary>
    public ResolverFrame EnterExecutor()
    {
        lock (_lock)
        {
            _active++;
        }

        return new ResolverFrame();
    }

    public static void ClearCurrent() => Current.Value = null;

    public void Exit(ResolverFrame frame)
    {
        lock (_lock)
        {
            frame.Finished = true;
            _active--;
            if (frame.Waiting > 0)
            {
                _blocked--;
            }
        }

        TryDispatch();
    }

    public void Block(ResolverFrame frame)
    {
        lock (_lock)
        {
            if (frame.Finished)
            {
                return;
            }

            if (frame.Waiting++ == 0)
            {
                _blocked++;
            }
        }
    }

    public void Unblock(IEnumerable<ResolverFrame> frames)
    {
        lock (_lock)
        {
            foreach (var frame in frames)
            {
                if (--frame.Waiting == 0 && !frame.Finished)
                {
                    _blocked--;
                }
            }
        }
    }

    public void Queued(IDataLoader loader, bool newKey)
    {
        if (newKey)
        {
            lock (_lock)
            {
                if (!_queued.Contains(loader))
                {
                    _queued.Add(loader);
                }
            }
        }

        TryDispatch();
    }

    /// <summary>Dispatches queued batches if nothing else can make progress.</summary>
    public void TryDispatch()
    {
        IDataLoader[] ready;
        lock (_lock)
        {
            if (_queued.Count == 0 || _active > _blocked)
            {
                return;
            }

            ready = [.. _queued];
            _queued.Clear();
        }

        foreach (var loader in ready)
        {
            loader.Dispatch();
        }
    }
}
