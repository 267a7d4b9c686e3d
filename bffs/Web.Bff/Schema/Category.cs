namespace Web.Bff.Schema;

/// <summary>A catalogue category; its products are listed on demand.</summary>
internal sealed record Category(string Name);
