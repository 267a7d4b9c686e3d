using Bff.Contracts.Paging;
using Bff.Contracts.Users;
using Refit;

namespace Bff.Clients.Users;

/// <summary>The HTTP contract of the users service (domain-api.md); Refit generates its implementation at build time.</summary>
internal interface IUsersApi
{
    [Get("/users/{id}")]
    Task<IApiResponse<User>> GetUser(int id, CancellationToken cancellationToken);

    // Commas stay literal: the services split ids on them, and they are legal in a query (RFC 3986 sub-delims).
    [Get("/users")]
    [QueryUriFormat(UriFormat.Unescaped)]
    Task<IApiResponse<BatchResult<User>>> GetUsers([Query(CollectionFormat.Csv)] IEnumerable<int> ids, CancellationToken cancellationToken);

    [Get("/users")]
    Task<IApiResponse<Page<User>>> ListUsers(int? limit, string? cursor, CancellationToken cancellationToken);

    [Get("/users/{userId}/notifications/unread-count")]
    Task<IApiResponse<UnreadCount>> GetUnreadCount(int userId, CancellationToken cancellationToken);
}
