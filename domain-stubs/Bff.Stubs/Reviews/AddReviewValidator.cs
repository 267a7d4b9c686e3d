using Bff.Contracts.Reviews;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Reviews;

/// <summary>Checks an <see cref="AddReviewRequest"/>; errors are keyed by JSON field name.</summary>
internal static class AddReviewValidator
{
    public const int MaxTitle = 120;
    public const int MaxBody = 4_000;

    public static Dictionary<string, string[]> Validate(AddReviewRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.ProductId is < 1 or > SeedSizes.Products)
        {
            errors["productId"] = [$"Unknown product {request.ProductId}."];
        }

        if (request.UserId is < 1 or > SeedSizes.Users)
        {
            errors["userId"] = [$"Unknown user {request.UserId}."];
        }

        if (request.Rating is < 1 or > 5)
        {
            errors["rating"] = [$"rating must be 1 to 5; got {request.Rating}."];
        }

        CheckText(errors, "title", request.Title, MaxTitle);
        CheckText(errors, "body", request.Body, MaxBody);
        return errors;
    }

    private static void CheckText(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{field} is required."];
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = [$"{field} must be at most {max} characters."];
        }
    }
}
