using Bff.Contracts.Paging;

namespace Bff.Stubs.Paging;

/// <summary>Batch get (<c>?ids=1,2,3</c>): found items in the order asked, the rest in <c>missing</c>.</summary>
internal static class Batch
{
    public static IResult Get<T>(HttpRequest request, string parameter, Func<int, T?> find, Func<T, int> idOf)
        where T : class
    {
        var ids = Ids.ParseList(request.Query[parameter].ToString(), parameter);
        if (ids.Failed)
        {
            return ids.Problem!;
        }

        var items = new List<T>(ids.Value.Count);
        var missing = new List<int>();
        foreach (var id in ids.Value)
        {
            if (find(id) is { } item)
            {
                items.Add(item);
            }
            else
            {
                missing.Add(id);
            }
        }

        return TypedResults.Ok(new BatchResult<T>(items, missing));
    }
}
