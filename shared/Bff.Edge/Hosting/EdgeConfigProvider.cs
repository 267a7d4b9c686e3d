using Bff.Edge.Configuration;
using Microsoft.Extensions.Logging;

namespace Bff.Edge.Hosting;

/// <summary>
/// Holds the current <see cref="EdgeSnapshot"/> and, when the config came from a file, watches it: a valid change
/// is compiled into a new snapshot and swapped in atomically; an invalid one is logged and ignored.
/// </summary>
internal sealed class EdgeConfigProvider : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly string? _path;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EdgeConfigProvider> _logger;
    private readonly Lock _reloadLock = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _debounceTimer;
    private EdgeSnapshot _current;

    public EdgeConfigProvider(EdgeStartOptions start, TimeProvider timeProvider, ILogger<EdgeConfigProvider> logger)
    {
        _path = start.ConfigPath is null ? null : Path.GetFullPath(start.ConfigPath);
        _timeProvider = timeProvider;
        _logger = logger;
        _current = EdgeSnapshot.Build(start.Config, null, timeProvider);
        Log.ConfigLoaded(logger, _path ?? "command line", start.Config.Routes.Count, start.Config.Clusters.Count);
        if (start.Config.Routes.Count == 0)
        {
            Log.NoRoutes(logger);
        }
    }

    /// <summary>Raised after a new snapshot is in place.</summary>
    public event Action<EdgeSnapshot>? SnapshotChanged;

    public EdgeSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Starts watching the config file, if there is one.</summary>
    public void StartWatching()
    {
        if (_path is null || _watcher is not null)
        {
            return;
        }

        // Watch the directory, not the file: editors and `mv` replace the file, which a file watch would lose.
        _debounceTimer = _timeProvider.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnFileEvent;
        _watcher.Created += OnFileEvent;
        _watcher.Renamed += OnFileEvent;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Loads the file now. Returns false (and keeps the current config) when it is invalid.</summary>
    public bool Reload()
    {
        if (_path is null)
        {
            return false;
        }

        lock (_reloadLock)
        {
            var result = EdgeConfigLoader.LoadFile(_path);
            if (result.Config is not { } config)
            {
                foreach (var error in result.Errors)
                {
                    Log.ConfigReloadRejected(_logger, error);
                }

                return false;
            }

            var previous = Current;
            if (config == previous.Config)
            {
                return true;
            }

            if (config.Server != previous.Config.Server)
            {
                Log.ServerSectionChangeIgnored(_logger);
            }

            var next = EdgeSnapshot.Build(config, previous, _timeProvider);
            Volatile.Write(ref _current, next);
            var changed = 0;
            foreach (var (id, cluster) in previous.Clusters)
            {
                if (!next.Clusters.TryGetValue(id, out var kept) || !ReferenceEquals(kept, cluster))
                {
                    cluster.Dispose();
                    changed++;
                }
            }

            Log.ConfigReloaded(_logger, _path, config.Routes.Count, config.Clusters.Count, changed);
            SnapshotChanged?.Invoke(next);
            return true;
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounceTimer?.Dispose();
        foreach (var cluster in Current.Clusters.Values)
        {
            cluster.Dispose();
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) =>
        _debounceTimer?.Change(Debounce, Timeout.InfiniteTimeSpan);
}
