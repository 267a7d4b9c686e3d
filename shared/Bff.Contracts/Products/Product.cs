namespace Bff.Contracts.Products;

/// <summary>A product of the catalogue.</summary>
public sealed record Product(
    int Id,
    string Name,
    string Description,
    string Category,
    decimal Price,
    string Currency,
    int Stock);
