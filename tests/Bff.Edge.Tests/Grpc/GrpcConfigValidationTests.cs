using System.Text.Json.Nodes;
using Bff.Edge.Configuration;

namespace Bff.Edge.Tests.Grpc;

/// <summary>A JSON-to-gRPC route is checked at config load: the method must exist, be unary and use supported shapes.</summary>
public sealed class GrpcConfigValidationTests
{
    private const string Destination = "http://127.0.0.1:5214";

    [Fact]
    public void A_valid_route_loads_and_a_relative_descriptor_set_is_relative_to_the_config_file()
    {
        var config = GrpcRoutes.Config(Destination, descriptorSet: "reviews.v1.pb");

        var result = EdgeConfigLoader.Parse(config.ToJsonString(), GrpcRoutes.Descriptors("edge.json"));

        Assert.Empty(result.Errors);
        Assert.Equal(GrpcRoutes.Descriptors("reviews.v1.pb"), result.Config!.Routes["ratings"].Grpc!.DescriptorSet);
    }

    [Fact]
    public void A_relative_descriptor_set_missing_beside_the_config_is_taken_from_the_edges_own_folder()
    {
        var elsewhere = Directory.CreateTempSubdirectory("edge-grpc-config-").FullName;
        try
        {
            var config = GrpcRoutes.Config(Destination, descriptorSet: "descriptors/reviews.v1.pb");

            var result = EdgeConfigLoader.Parse(config.ToJsonString(), Path.Combine(elsewhere, "edge.json"));

            Assert.Empty(result.Errors);
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "descriptors", "reviews.v1.pb"), result.Config!.Routes["ratings"].Grpc!.DescriptorSet);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void A_missing_descriptor_set_file_is_an_error_naming_the_key()
    {
        var missing = GrpcRoutes.Descriptors("missing.pb");

        var errors = Errors(GrpcRoutes.Config(Destination, descriptorSet: missing));

        var error = Assert.Single(errors);
        Assert.StartsWith($"test.json: Routes.ratings.Grpc.DescriptorSet: cannot read '{missing}': ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_descriptor_set_is_an_error()
    {
        var notProto = Path.Combine(AppContext.BaseDirectory, "Bff.Edge.Tests.deps.json");

        var errors = Errors(GrpcRoutes.Config(Destination, descriptorSet: notProto));

        Assert.Equal(
            [$"test.json: Routes.ratings.Grpc.DescriptorSet: '{notProto}' is not a FileDescriptorSet (make it with protoc --include_imports --descriptor_set_out=FILE)"],
            errors);
    }

    [Theory]
    [InlineData("bff.reviews.v1.Ratings/GetRatingSummaries", "Method: service 'bff.reviews.v1.Ratings' is not in '{0}' (it has: bff.reviews.v1.RatingSummaries)")]
    [InlineData("bff.reviews.v1.RatingSummaries/GetSummaries", "Method: 'GetSummaries' is not a method of bff.reviews.v1.RatingSummaries (it has: GetRatingSummaries)")]
    [InlineData("GetRatingSummaries", "Method: 'GetRatingSummaries' must be 'package.Service/Method'")]
    [InlineData("/bff.reviews.v1.RatingSummaries/GetRatingSummaries", "Method: '/bff.reviews.v1.RatingSummaries/GetRatingSummaries' must be 'package.Service/Method'")]
    public void An_unknown_method_is_an_error_listing_what_there_is(string method, string expected)
    {
        var errors = Errors(GrpcRoutes.Config(Destination, method: method));

        Assert.Equal([$"test.json: Routes.ratings.Grpc.{string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, GrpcRoutes.Descriptors("reviews.v1.pb"))}"], errors);
    }

    [Theory]
    [InlineData("UseMap", "bff.test.unsupported.WithMap.counts, a map field, which is not supported")]
    [InlineData("UseOneof", "bff.test.unsupported.WithOneof.a, a oneof (or proto3 optional) field, which is not supported")]
    [InlineData("UseOptional", "bff.test.unsupported.WithOptional.maybe, a oneof (or proto3 optional) field, which is not supported")]
    [InlineData("UseTimestamp", "the well-known type google.protobuf.Timestamp, which is not supported")]
    public void Unsupported_field_kinds_are_refused_at_load(string method, string expected)
    {
        var errors = Errors(GrpcRoutes.Config(Destination, GrpcRoutes.Descriptors("unsupported_test.pb"), $"bff.test.unsupported.Unsupported/{method}"));

        Assert.Equal([$"test.json: Routes.ratings.Grpc.Method: bff.test.unsupported.Unsupported/{method} uses {expected}"], errors);
    }

    [Fact]
    public void A_method_of_supported_shapes_next_to_unsupported_ones_loads()
    {
        Assert.Empty(Errors(GrpcRoutes.Config(Destination, GrpcRoutes.Descriptors("unsupported_test.pb"), "bff.test.unsupported.Unsupported/Fine")));
    }

    [Fact]
    public void A_streaming_method_is_refused()
    {
        var errors = Errors(GrpcRoutes.Config(Destination, GrpcRoutes.Descriptors("transcoding_test.pb"), "bff.test.v1.Echo/Watch"));

        Assert.Equal(["test.json: Routes.ratings.Grpc.Method: bff.test.v1.Echo/Watch is a streaming method; only unary methods can be translated"], errors);
    }

    [Fact]
    public void The_cluster_must_use_http2()
    {
        var errors = Errors(GrpcRoutes.Config(Destination, httpVersion: null));

        Assert.Equal(["test.json: Routes.ratings.Grpc: cluster 'reviews-grpc' must set \"HttpVersion\": \"2\" (gRPC runs over HTTP/2)"], errors);
    }

    [Fact]
    public void Both_keys_are_required()
    {
        var config = GrpcRoutes.Config(Destination);
        config["Routes"]!["ratings"]!["Grpc"] = new JsonObject();

        Assert.Equal(
            [
                "test.json: Routes.ratings.Grpc.DescriptorSet: is required (a FileDescriptorSet file, relative to the config file)",
                "test.json: Routes.ratings.Grpc.Method: is required ('package.Service/Method')",
            ],
            Errors(config));
    }

    private static IReadOnlyList<string> Errors(JsonObject config) => EdgeConfigLoader.Parse(config.ToJsonString(), "test.json").Errors;
}
