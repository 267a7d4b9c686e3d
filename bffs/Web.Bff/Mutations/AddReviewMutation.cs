using Bff.Clients.Reviews;
using Bff.Contracts.Reviews;
using Bff.GraphQL.Execution;
using Bff.GraphQL.Types;
using Web.Bff.Errors;
using Web.Bff.Loaders;
using Web.Bff.Schema;

namespace Web.Bff.Mutations;

/// <summary><c>addReview</c>: checks the review, then one <c>POST /reviews</c> as the viewer.</summary>
internal static class AddReviewMutation
{
    public const int MaxTitle = 120;
    public const int MaxBody = 4000;

    private static readonly HashSet<string> InputFields = new(StringComparer.Ordinal) { "productId", "rating", "title", "body" };

    public static SchemaBuilder AddAddReview(this SchemaBuilder schema) => schema
        .InputObject("AddReviewInput", i => i
            .Description("A review of a product by the viewer.")
            .Field("productId", "ID!", "Product id.")
            .Field("rating", "Int!", "Stars, 1..5.")
            .Field("title", "String!", $"Title, 1..{MaxTitle} characters (trimmed).")
            .Field("body", "String!", $"Text, 1..{MaxBody} characters (trimmed)."))
        .Object("AddReviewPayload", t => t
            .Description("The new review, or the user errors that stopped it.")
            .Data("review", "Review", "The new review; null when `userErrors` is not empty.")
            .Data("userErrors", "[UserError!]!", "What to correct in the input; empty on success.", listSize: 5))
        .Mutation(m => m.Field("addReview", "AddReviewPayload", f => f
            .Description("Adds a review by the viewer. Input mistakes come back in `userErrors`; a failing reviews service gives null with an error.")
            .Argument("input", "AddReviewInput!", "The review.")
            .Cost(10)
            .ResolveAsync(c => AddAsync(c))));

    private static async ValueTask<object?> AddAsync(IResolverContext c)
    {
        var input = (IReadOnlyDictionary<string, object?>)c.Arguments["input"]!;
        var errors = new InputErrors();
        var productId = 0;
        try
        {
            productId = Ids.Parse(input["productId"], "productId");
        }
        catch (global::Bff.GraphQL.GraphQLException ex)
        {
            errors.Add(ex.Message, InputErrors.Invalid, "productId");
        }

        var rating = Convert.ToInt32(input["rating"], System.Globalization.CultureInfo.InvariantCulture);
        if (rating is < 1 or > 5)
        {
            errors.Add("Rating must be between 1 and 5.", InputErrors.Invalid, "rating");
        }

        var title = Text(input, "title", MaxTitle, errors);
        var body = Text(input, "body", MaxBody, errors);
        if (errors.Any)
        {
            return new AddReviewPayload(null, errors.Errors);
        }

        var reviews = c.Services.GetRequiredService<IReviewsClient>();
        var result = await reviews.AddReviewAsync(new AddReviewRequest(productId, c.UserId(), rating, title, body), c.CancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return InputErrors.FromUpstream(result.Error, InputFields, key => key == "productId" ? "UNKNOWN_PRODUCT" : InputErrors.Invalid) is { } upstream
                ? new AddReviewPayload(null, upstream)
                : throw WebErrors.Upstream(result.Error);
        }

        c.DataLoader<ReviewLoader>().Prime(result.Value.Id, result.Value);
        return new AddReviewPayload(result.Value, []);
    }

    private static string Text(IReadOnlyDictionary<string, object?> input, string field, int max, InputErrors errors)
    {
        var text = ((string)input[field]!).Trim();
        if (text.Length == 0)
        {
            errors.Add($"The {field} must not be blank.", InputErrors.Invalid, field);
        }
        else if (text.Length > max)
        {
            errors.Add($"The {field} must be at most {max} characters.", InputErrors.Invalid, field);
        }

        return text;
    }
}
