using Bff.Clients.Users;
using Bff.Contracts.Users;
using Bff.GraphQL;
using Web.Bff.Errors;

namespace Web.Bff.Loaders;

/// <summary>Users by id for one request (the viewer and review authors): one <c>GET /users?ids=</c> per step.</summary>
internal sealed class UserLoader(IUsersClient users) : DataLoader<int, User>
{
    protected override async Task<IReadOnlyDictionary<int, User>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var batch = (await users.GetUsersAsync([.. keys], cancellationToken).ConfigureAwait(false)).ValueOrThrow();
        return batch.Items.ToDictionary(u => u.Id);
    }
}
