using System.ComponentModel.DataAnnotations;

namespace Bff.Stubs.Hosting;

/// <summary>Settings of the stub host, bound from the <c>Stub</c> section.</summary>
internal sealed class StubOptions
{
    public const string Section = "Stub";

    /// <summary>Which service this process plays: identity, users, orders, products or reviews (required).</summary>
    [Required]
    public StubService? Service { get; set; }

    /// <summary>
    /// Key of the HMAC that makes cursors tamper-evident. A fixed default keeps cursors valid across
    /// restarts of the same stub, which is all a stand-in needs.
    /// </summary>
    [Required]
    [MinLength(16)]
    public string CursorKey { get; set; } = "bff-stubs-cursor-key-v1";

    /// <summary>Seed of the random source behind <c>errorRate</c> and jitter; unset means unpredictable.</summary>
    public int? FaultSeed { get; set; }
}
