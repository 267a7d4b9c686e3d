using System.Globalization;
using System.Text;

namespace Bff.Clients.Http;

/// <summary>Builds a relative URI with an escaped query; null values are left out.</summary>
internal sealed class QueryBuilder(string path)
{
    private readonly StringBuilder _uri = new(path);
    private bool _hasQuery;

    public QueryBuilder Add(string name, string? value)
    {
        if (value is not null)
        {
            _uri.Append(_hasQuery ? '&' : '?').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            _hasQuery = true;
        }

        return this;
    }

    public QueryBuilder Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryBuilder Add(string name, decimal? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    // Commas stay literal: the services split ids on them, and they are legal in a query (RFC 3986 sub-delims).
    public QueryBuilder AddIds(string name, IEnumerable<int> ids)
    {
        _uri.Append(_hasQuery ? '&' : '?').Append(name).Append('=').AppendJoin(',', ids);
        _hasQuery = true;
        return this;
    }

    public override string ToString() => _uri.ToString();
}
