using Microsoft.Extensions.DependencyInjection;

namespace Bff.Clients.Configuration;

/// <summary>
/// What <c>AddDomainClients</c> registered: one <see cref="IHttpClientBuilder"/> per service, already carrying the
/// resilience handler, to chain further handlers (auth, headers) onto.
/// </summary>
public sealed class DomainClientsBuilder(
    IServiceCollection services,
    IHttpClientBuilder users,
    IHttpClientBuilder orders,
    IHttpClientBuilder products,
    IHttpClientBuilder reviews)
{
    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>The users client.</summary>
    public IHttpClientBuilder Users { get; } = users;

    /// <summary>The orders client.</summary>
    public IHttpClientBuilder Orders { get; } = orders;

    /// <summary>The products client.</summary>
    public IHttpClientBuilder Products { get; } = products;

    /// <summary>The reviews client.</summary>
    public IHttpClientBuilder Reviews { get; } = reviews;

    /// <summary>All four clients, to apply the same configuration to each.</summary>
    public IReadOnlyList<IHttpClientBuilder> All => [Users, Orders, Products, Reviews];
}
