using System.Globalization;
using Bff.Clients.Http;
using Bff.Clients.Paging;
using Bff.Clients.Results;
using Bff.Contracts;
using Bff.Contracts.Paging;
using Bff.Contracts.Users;
using Microsoft.Extensions.Logging;

namespace Bff.Clients.Users;

/// <summary><see cref="IUsersClient"/> over the <see cref="HttpClient"/> configured by <c>AddDomainClients</c>.</summary>
internal sealed class UsersClient(HttpClient httpClient, ILogger<UsersClient> logger) : IUsersClient
{
    private readonly DomainHttp _http = new(httpClient, DomainServiceNames.Users, logger);

    public Task<ServiceResult<User>> GetUserAsync(int id, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(id) is { } problem
            ? Task.FromResult(_http.Refuse<User>(problem))
            : _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"users/{id}"), ContractsJsonContext.Default.User, cancellationToken);

    public Task<ServiceResult<BatchResult<User>>> GetUsersAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        BatchCalls.GetBatchAsync(_http, "users", ids, ContractsJsonContext.Default.BatchResultUser, cancellationToken);

    public Task<ServiceResult<Page<User>>> ListUsersAsync(PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        if (RequestGuard.CheckLimit(page?.Limit, RequestGuard.MaxPageLimit) is { } problem)
        {
            return Task.FromResult(_http.Refuse<Page<User>>(problem));
        }

        var uri = new QueryBuilder("users").Add("limit", page?.Limit).Add("cursor", page?.Cursor).ToString();
        return _http.GetAsync(uri, ContractsJsonContext.Default.PageUser, cancellationToken);
    }

    public Task<ServiceResult<UnreadCount>> GetUnreadCountAsync(int userId, CancellationToken cancellationToken = default) =>
        RequestGuard.CheckId(userId, "userId") is { } problem
            ? Task.FromResult(_http.Refuse<UnreadCount>(problem))
            : _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"users/{userId}/notifications/unread-count"), ContractsJsonContext.Default.UnreadCount, cancellationToken);
}
