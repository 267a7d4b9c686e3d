namespace Bff.Clients;

/// <summary>
/// Names of the domain services: in <see cref="Results.ServiceError.Service"/>, logs, and the
/// <c>Resilience:&lt;name&gt;</c> configuration sections.
/// </summary>
public static class DomainServiceNames
{
    public const string Users = "users";
    public const string Orders = "orders";
    public const string Products = "products";
    public const string Reviews = "reviews";
}
