using Bff.Clients.Paging;
using Bff.Clients.Results;
using Bff.Contracts.Paging;
using Bff.Contracts.Users;

namespace Bff.Clients.Users;

/// <summary>Typed client of the users service (<c>DomainServices:Users:BaseUrl</c>, default port 5201).</summary>
public interface IUsersClient
{
    /// <summary><c>GET /users/{id}</c>; a non-positive id is refused without a call.</summary>
    Task<ServiceResult<User>> GetUserAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /users?ids=</c>: users in the order asked, unknown ids in <c>Missing</c>. Duplicates are dropped;
    /// more than 100 ids are split into several calls; no ids answers an empty result without a call.
    /// </summary>
    Task<ServiceResult<BatchResult<User>>> GetUsersAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default);

    /// <summary><c>GET /users?limit=&amp;cursor=</c>: users by id ascending.</summary>
    Task<ServiceResult<Page<User>>> ListUsersAsync(PageRequest? page = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /users/{id}/notifications/unread-count</c>.</summary>
    Task<ServiceResult<UnreadCount>> GetUnreadCountAsync(int userId, CancellationToken cancellationToken = default);
}
