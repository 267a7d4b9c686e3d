namespace Partner.Bff.Idempotency;

/// <summary>Why a request with an <c>Idempotency-Key</c> was not placed nor given an earlier outcome.</summary>
internal enum IdempotencyRefusal
{
    /// <summary>Not refused: the lookup carries an outcome.</summary>
    None,

    /// <summary>The key was used before for another request (422).</summary>
    KeyReused,

    /// <summary>Another request with the key is being placed right now, on another replica (409 with <c>Retry-After</c>).</summary>
    InFlight,

    /// <summary>The shared store could not be asked, so whether the key was used is unknown: nothing is placed (503).</summary>
    StoreUnavailable,
}
