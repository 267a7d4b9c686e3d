namespace Bff.Edge.Caching;

/// <summary>Why a lookup found nothing to serve (the <c>fwd</c> parameter of <c>Cache-Status</c>).</summary>
internal enum MissKind
{
    /// <summary>Nothing stored under the key.</summary>
    Uri,

    /// <summary>Answers stored under the key vary, and none matches this request's header values.</summary>
    Vary,

    /// <summary>An entry exists but is past its freshness.</summary>
    Stale,
}
