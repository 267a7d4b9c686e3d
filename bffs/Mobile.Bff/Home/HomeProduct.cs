namespace Mobile.Bff.Home;

/// <summary>A recommended product; <see cref="Rating"/> (average stars, one decimal) is left out when unknown or unrated.</summary>
internal sealed record HomeProduct(int Id, string Name, decimal Price, string Currency, double? Rating);
