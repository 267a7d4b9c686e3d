using Bff.Edge.Configuration;
using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Auth;

/// <summary>
/// Removes identity headers a client sent (exact names and <c>Prefix*</c> patterns), on every route, so only
/// the edge can tell an upstream who called.
/// </summary>
internal sealed class IdentityHeaderStripper
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _prefixes;

    public IdentityHeaderStripper(IdentityForwardingConfig config)
    {
        var prefixes = new List<string>();
        foreach (var name in config.StripHeaders)
        {
            if (name.EndsWith('*'))
            {
                prefixes.Add(name[..^1]);
            }
            else
            {
                _names.Add(name);
            }
        }

        _prefixes = [.. prefixes];
    }

    public void Strip(IHeaderDictionary headers)
    {
        List<string>? doomed = null;
        foreach (var header in headers)
        {
            if (IsStripped(header.Key))
            {
                (doomed ??= []).Add(header.Key);
            }
        }

        if (doomed is null)
        {
            return;
        }

        foreach (var name in doomed)
        {
            headers.Remove(name);
        }
    }

    private bool IsStripped(string name)
    {
        if (_names.Contains(name))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
