namespace Partner.Bff.V2;

/// <summary>A catalogue product.</summary>
/// <param name="Id">The product id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">Longer description.</param>
/// <param name="Category">Category name.</param>
/// <param name="Price">Current price.</param>
/// <param name="StockLevel">Units in stock (0: sold out).</param>
internal sealed record V2Product(int Id, string Name, string Description, string Category, V2Money Price, int StockLevel);
