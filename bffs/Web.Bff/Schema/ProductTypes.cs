using Bff.Clients.Products;
using Bff.Clients.Reviews;
using Bff.Contracts.Paging;
using Bff.Contracts.Products;
using Bff.Contracts.Reviews;
using Bff.GraphQL.Execution;
using Bff.GraphQL.Types;
using Web.Bff.Errors;
using Web.Bff.Loaders;
using Web.Bff.Paging;

namespace Web.Bff.Schema;

/// <summary>Products with price, stock, rating summary and reviews; search and category listing.</summary>
internal static class ProductTypes
{
    public const int MaxIds = 50;

    public static SchemaBuilder AddProductTypes(this SchemaBuilder schema) => schema
        .Query(q => q
            .Field("product", "Product", f => f
                .Description("A product by id; null with NOT_FOUND when there is none, BAD_USER_INPUT when the id is not a positive integer.")
                .Argument("id", "ID!", "Product id.")
                .Cost(1)
                .ResolveAsync(async c =>
                {
                    var id = Ids.Parse(c.Arguments["id"], "id");
                    return await c.DataLoader<ProductLoader>().LoadAsync(id).ConfigureAwait(false) ?? throw WebErrors.NotFound("product", id);
                }))
            .Field("products", "[Product]", f => f
                .Description($"Products by ids (at most {MaxIds}), in the order asked; an unknown id gives a null entry.")
                .Argument("ids", "[ID!]!", "Product ids.")
                .Cost(1, listSize: 20)
                .ResolveAsync(async c =>
                {
                    var ids = ((IEnumerable<object?>)c.Arguments["ids"]!).Select(r => Ids.Parse(r, "ids")).ToList();
                    if (ids.Count > MaxIds)
                    {
                        throw WebErrors.BadArgument("ids", $"At most {MaxIds} ids, got {ids.Count}.");
                    }

                    return await c.DataLoader<ProductLoader>().LoadManyAsync(ids).ConfigureAwait(false);
                }))
            .Field("searchProducts", "ProductConnection", f => f
                .Description("Products matching a search, id ascending; null (with an error) when the products service fails.")
                .Argument("query", "String", "Words to find in name or description (case-insensitive, at most 100 characters).")
                .Argument("category", "String", "Only this category (exact name, any case).")
                .Argument("minPrice", "Float", "Lowest price, inclusive.")
                .Argument("maxPrice", "Float", "Highest price, inclusive.")
                .Argument("first", "Int", 20, $"Products per page, 1..{Paginator.MaxFirst}.")
                .Argument("after", "String", "Continue after this cursor.")
                .Cost(5)
                .ResolveAsync(c => SearchAsync(c, new ProductQuery
                {
                    Q = c.Argument<string?>("query"),
                    Category = c.Argument<string?>("category"),
                    MinPrice = Price(c, "minPrice"),
                    MaxPrice = Price(c, "maxPrice"),
                })))
            .Field("categories", "[Category!]", f => f
                .Description("Every category of the catalogue, by name; null (with an error) when the products service fails.")
                .Cost(2, listSize: 10)
                .ResolveAsync(async c =>
                {
                    var products = c.Services.GetRequiredService<IProductsClient>();
                    var names = (await products.GetCategoriesAsync(c.CancellationToken).ConfigureAwait(false)).ValueOrThrow().Items;
                    return names.Select(n => new Category(n)).ToList();
                }))
            .Field("category", "Category", f => f
                .Description("A category page by name (no call until its products are asked for).")
                .Argument("name", "String!", "Category name, e.g. `Books`.")
                .Cost(0)
                .Resolve(c => new Category(c.Argument<string>("name")))))
        .Object("Category", t => t
            .Description("A category of the catalogue.")
            .Data("name", "String!", "Category name.")
            .Field("products", "ProductConnection", f => f
                .Description("Products of this category, id ascending; null (with an error) when the products service fails.")
                .Argument("first", "Int", 20, $"Products per page, 1..{Paginator.MaxFirst}.")
                .Argument("after", "String", "Continue after this cursor.")
                .Cost(5)
                .ResolveAsync(c => SearchAsync(c, new ProductQuery { Category = c.Parent<Category>().Name }))))
        .AddConnection("Product", pageSizeEstimate: 20)
        .Object("RatingSummary", t => t
            .Description("What reviewers think of a product.")
            .Data("average", "Float!", "Average rating 1..5 (0 without reviews), 2 decimals.")
            .Data("count", "Int!", "Number of reviews.")
            .Data("histogram", "[Int!]!", "Number of 1, 2, 3, 4 and 5 star reviews.", listSize: 5))
        .Object("Product", t => t
            .Description("A product of the catalogue.")
            .Data("id", "ID!", "Product id.")
            .Data("name", "String!", "Name.")
            .Data("description", "String!", "Description.")
            .Data("category", "String!", "Category name.")
            .Data("price", "Money!", "Current price.", c => new Money(c.Parent<Product>().Price, c.Parent<Product>().Currency))
            .Data("stock", "Int!", "Units in stock.")
            .Data("inStock", "Boolean!", "True when at least one unit is in stock.", c => c.Parent<Product>().Stock > 0)
            .Field("rating", "RatingSummary", f => f
                .Description("Rating summary (batched: one reviews call for all products of the page); null (with an error) when the reviews service fails.")
                .Cost(1)
                .Batched()
                .ResolveAsync(async c => await c.DataLoader<RatingLoader>().LoadAsync(c.Parent<Product>().Id).ConfigureAwait(false)))
            .Field("reviews", "ReviewConnection", f => f
                .Description("Reviews as a connection. The first page is batched (one reviews call for all products of the page); a page after a cursor costs one reviews call per product.")
                .Argument("first", "Int", 5, $"Reviews per page, 1..{Paginator.MaxFirst}.")
                .Argument("after", "String", "Continue after this cursor.")
                .Argument("sort", "ReviewSort", ReviewSort.Recent, "Order of the reviews.")
                .Cost(10)
                .Batched(unlessArgument: "after")
                .ResolveAsync(ReviewsAsync)));

    /// <summary>Seeds the request's <see cref="ProductLoader"/> with products a list already returned.</summary>
    public static void Prime(IResolverContext context, IEnumerable<Product> products)
    {
        var loader = context.DataLoader<ProductLoader>();
        foreach (var product in products)
        {
            loader.Prime(product.Id, product);
        }
    }

    private static async Task<object?> ReviewsAsync(IResolverContext c)
    {
        var window = Paginator.Window(c.Argument<int>("first"), c.Argument<string?>("after"));
        var productId = c.Parent<Product>().Id;
        var sort = c.Argument<string>("sort");
        Page<Review> page;
        if (window.HasAfter)
        {
            var reviews = c.Services.GetRequiredService<IReviewsClient>();
            var query = new ReviewQuery { ProductId = productId, Sort = sort, Limit = window.Limit, Cursor = window.UpstreamCursor };
            page = (await reviews.ListReviewsAsync(query, c.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        }
        else
        {
            page = (await c.DataLoader<ReviewsOfProductLoader>().LoadAsync(new ReviewsOfProductKey(productId, window.First, sort)).ConfigureAwait(false)) ?? new Page<Review>([], null);
        }

        var loader = c.DataLoader<ReviewLoader>();
        foreach (var review in page.Items)
        {
            loader.Prime(review.Id, review);
        }

        return Paginator.ToConnection(page, window);
    }

    private static async Task<object?> SearchAsync(IResolverContext c, ProductQuery filters)
    {
        var window = Paginator.Window(c.Argument<int>("first"), c.Argument<string?>("after"));
        var products = c.Services.GetRequiredService<IProductsClient>();
        var page = (await products.ListProductsAsync(filters with { Limit = window.Limit, Cursor = window.UpstreamCursor }, c.CancellationToken).ConfigureAwait(false)).ValueOrThrow();
        Prime(c, page.Items);
        return Paginator.ToConnection(page, window);
    }

    private static decimal? Price(IResolverContext c, string argument)
    {
        var value = c.Argument<double?>(argument);
        return value switch
        {
            null => null,
            >= 0 and <= 1_000_000 => (decimal)value.Value,
            _ => throw WebErrors.BadArgument(argument, $"\"{argument}\" must be between 0 and 1000000."),
        };
    }
}
