using Bff.Clients.Http;
using Bff.Clients.Paging;
using Bff.Clients.Results;
using Bff.Contracts.Paging;
using Bff.Contracts.Users;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Users;

/// <summary><see cref="IUsersClient"/> over the Refit <see cref="IUsersApi"/> configured by <c>AddDomainClients</c>.</summary>
internal sealed class UsersClient(IUsersApi api, ILogger<UsersClient> logger) : IUsersClient
{
    private readonly ServiceResponses _responses = new(DomainServiceNames.Users, logger);

    public Task<ServiceResult<User>> GetUserAsync(int id, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(id) is { } problem
            ? Task.FromResult(_responses.Refuse<User>(problem))
            : _responses.ToResultAsync(api.GetUser(id, cancellationToken));

    public Task<ServiceResult<BatchResult<User>>> GetUsersAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        BatchCalls.GetBatchAsync(_responses, "ids", ids, chunk => _responses.ToResultAsync(api.GetUsers(chunk, cancellationToken)));

    public Task<ServiceResult<Page<User>>> ListUsersAsync(PageRequest? page = null, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckLimit(page?.Limit, RequestGuard.MaxPageLimit) is { } problem
            ? Task.FromResult(_responses.Refuse<Page<User>>(problem))
            : _responses.ToResultAsync(api.ListUsers(page?.Limit, page?.Cursor, cancellationToken));

    public Task<ServiceResult<UnreadCount>> GetUnreadCountAsync(int userId, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(userId, "userId") is { } problem
            ? Task.FromResult(_responses.Refuse<UnreadCount>(problem))
            : _responses.ToResultAsync(api.GetUnreadCount(userId, cancellationToken));
}
