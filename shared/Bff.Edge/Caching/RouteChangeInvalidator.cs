using Bff.Edge.Configuration;
using Bff.Edge.Hosting;

namespace Bff.Edge.Caching;

/// <summary>
/// On hot reload, drops this instance's in-process entries of every route whose config changed or disappeared: a
/// new destination, transform or cache setting may change the answers. Shared-tier entries stay until they expire
/// or are purged (every instance reloads its own file; none should wipe the others' work).
/// </summary>
internal sealed class RouteChangeInvalidator
{
    private readonly ResponseCache _cache;
    private IReadOnlyDictionary<string, RouteConfig> _routes;

    public RouteChangeInvalidator(EdgeConfigProvider configProvider, ResponseCache cache)
    {
        _cache = cache;
        _routes = configProvider.Current.Config.Routes;
        configProvider.SnapshotChanged += OnSnapshotChanged;
    }

    private void OnSnapshotChanged(EdgeSnapshot snapshot)
    {
        var next = snapshot.Config.Routes;
        foreach (var (id, previous) in _routes)
        {
            if (previous.Cache is not null && (!next.TryGetValue(id, out var current) || current != previous))
            {
                _cache.Local.RemoveByPrefix(CacheKeys.Prefix(id, null));
            }
        }

        _routes = next;
    }
}
