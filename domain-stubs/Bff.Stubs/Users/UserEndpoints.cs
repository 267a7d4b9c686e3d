using Bff.Contracts.Paging;
using Bff.Contracts.Users;
using Bff.Stubs.Paging;
using Bff.Stubs.Problems;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Users;

/// <summary>Handlers of the users service (docs/domain-api.md, "users").</summary>
internal static class UserEndpoints
{
    public static IResult GetById(string id, UserStore store)
    {
        var parsed = Ids.Parse(id, "id");
        if (parsed.Failed)
        {
            return parsed.Problem!;
        }

        return store.Find(parsed.Value) is { } user ? TypedResults.Ok(user) : StubProblems.NotFound("user", parsed.Value);
    }

    public static IResult List(HttpRequest request, UserStore store, CursorCodec cursors)
    {
        if (request.Query.ContainsKey("ids"))
        {
            return Batch.Get(request, "ids", store.Find, u => u.Id);
        }

        var page = PageQuery.Read(request, cursors, "users");
        return page.Failed
            ? page.Problem!
            : TypedResults.Ok(Keyset.Page(store.All, UserStore.KeyOf, _ => true, page.Value, cursors));
    }

    public static IResult UnreadCount(string id, UserStore store)
    {
        var parsed = Ids.Parse(id, "id");
        if (parsed.Failed)
        {
            return parsed.Problem!;
        }

        return store.Find(parsed.Value) is { } user
            ? TypedResults.Ok(new UnreadCount(user.Id, SeedGenerator.UnreadNotifications(user.Id)))
            : StubProblems.NotFound("user", parsed.Value);
    }
}
