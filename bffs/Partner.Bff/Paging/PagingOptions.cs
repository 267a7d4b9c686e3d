namespace Partner.Bff.Paging;

/// <summary>Page sizes and the cursor signing key (configuration section <c>Partner:Paging</c>).</summary>
internal sealed class PagingOptions
{
    public const string SectionName = "Partner:Paging";

    /// <summary><c>Partner:Paging:DefaultLimit</c>: items per page when <c>limit</c> is absent (default 20).</summary>
    public int DefaultLimit { get; set; } = 20;

    /// <summary><c>Partner:Paging:MaxLimit</c>: the largest <c>limit</c> accepted, 1..100 (default 100, what the domain services allow).</summary>
    public int MaxLimit { get; set; } = 100;

    /// <summary>
    /// <c>Partner:Paging:CursorKey</c>: base64 of the HMAC-SHA256 key (at least 32 bytes) that signs cursors. Every
    /// replica must share it. Empty: a random key per process, so cursors do not survive a restart.
    /// </summary>
    public string CursorKey { get; set; } = string.Empty;
}
