using System.Text.Json.Nodes;

namespace Bff.Edge.Tests.Grpc;

/// <summary>Edge configs with one JSON-to-gRPC route, and the descriptor sets the test build writes next to the tests.</summary>
public static class GrpcRoutes
{
    public const string ReviewsMethod = "bff.reviews.v1.RatingSummaries/GetRatingSummaries";

    public static string Descriptors(string file) => Path.Combine(AppContext.BaseDirectory, "descriptors", file);

    /// <summary><c>/api/ratings/summaries</c> (any method) to <paramref name="destination"/> over HTTP/2.</summary>
    public static JsonObject Config(string destination, string? descriptorSet = null, string method = ReviewsMethod, string? httpVersion = "2") => new()
    {
        ["Routes"] = new JsonObject
        {
            ["ratings"] = new JsonObject
            {
                ["ClusterId"] = "reviews-grpc",
                ["Match"] = new JsonObject { ["Path"] = "/api/ratings/summaries" },
                ["Grpc"] = new JsonObject
                {
                    ["DescriptorSet"] = descriptorSet ?? Descriptors("reviews.v1.pb"),
                    ["Method"] = method,
                },
                ["Timeout"] = "00:00:05",
            },
        },
        ["Clusters"] = new JsonObject
        {
            ["reviews-grpc"] = new JsonObject
            {
                ["HttpVersion"] = httpVersion,
                ["Destinations"] = new JsonObject { ["d1"] = new JsonObject { ["Address"] = destination } },
            },
        },
    };
}
