namespace Bff.Edge.Grpc;

/// <summary>
/// Makes a route a JSON-to-gRPC translation: a client POSTs JSON, the edge calls one unary gRPC method on the
/// route's cluster (which must use HTTP/2) and answers JSON (docs/edge.md, "JSON to gRPC").
/// </summary>
internal sealed record RouteGrpcConfig
{
    /// <summary>
    /// A FileDescriptorSet (<c>protoc --include_imports --descriptor_set_out=FILE</c>) holding the method; a
    /// relative path is relative to the config file. Required.
    /// </summary>
    public string? DescriptorSet { get; init; }

    /// <summary>The method as <c>package.Service/Method</c>, e.g. <c>bff.reviews.v1.RatingSummaries/GetRatingSummaries</c>. Required.</summary>
    public string? Method { get; init; }
}
