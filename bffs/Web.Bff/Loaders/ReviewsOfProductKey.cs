namespace Web.Bff.Loaders;

/// <summary>The first <paramref name="First"/> reviews of one product in <paramref name="Sort"/> order.</summary>
internal readonly record struct ReviewsOfProductKey(int ProductId, int First, string Sort);
