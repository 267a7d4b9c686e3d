using Bff.Contracts.Reviews;
using Bff.GraphQL.Types;
using Web.Bff.Errors;
using Web.Bff.Loaders;

namespace Web.Bff.Schema;

/// <summary>Reviews; their authors and products come through the user and product loaders.</summary>
internal static class ReviewTypes
{
    public static SchemaBuilder AddReviewTypes(this SchemaBuilder schema) => schema
        .Query(q => q.Field("review", "Review", f => f
            .Description("A review by id; null with NOT_FOUND when there is none.")
            .Argument("id", "ID!", "Review id.")
            .Cost(1)
            .ResolveAsync(async c =>
            {
                var id = Ids.Parse(c.Arguments["id"], "id");
                return await c.DataLoader<ReviewLoader>().LoadAsync(id).ConfigureAwait(false) ?? throw WebErrors.NotFound("review", id);
            })))
        .AddConnection("Review", pageSizeEstimate: 10)
        .Object("Review", t => t
            .Description("A shopper's review of a product.")
            .Data("id", "ID!", "Review id.")
            .Data("rating", "Int!", "Stars, 1..5.")
            .Data("title", "String!", "Title.")
            .Data("body", "String!", "Text.")
            .Data("createdAt", "DateTime!", "When it was written.")
            .Data("productId", "ID!", "Id of the product reviewed.")
            .Field("author", "Reviewer", f => f
                .Description("Who wrote it (batched: one users call per page); null (with an error) when the users service fails.")
                .Cost(1)
                .Batched()
                .ResolveAsync(async c => await c.DataLoader<UserLoader>().LoadAsync(c.Parent<Review>().UserId).ConfigureAwait(false)))
            .Field("product", "Product", f => f
                .Description("The product reviewed (batched); null (with an error) when the products service fails.")
                .Cost(1)
                .Batched()
                .ResolveAsync(async c => await c.DataLoader<ProductLoader>().LoadAsync(c.Parent<Review>().ProductId).ConfigureAwait(false))));
}
