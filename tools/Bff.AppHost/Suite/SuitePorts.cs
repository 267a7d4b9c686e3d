namespace Bff.AppHost.Suite;

/// <summary>The ports ./run.sh uses; the edge's local config (config/edge.local.json) routes to them.</summary>
internal static class SuitePorts
{
    public const int Edge = 8080;
    public const int WebBff = 5101;
    public const int MobileBff = 5102;
    public const int PartnerBff = 5103;
    public const int Identity = 5200;
    public const int Users = 5201;
    public const int Orders = 5202;
    public const int Products = 5203;
    public const int Reviews = 5204;
    public const int ReviewsGrpc = 5214;

    /// <summary>The reviews stub's gRPC listener, where the edge's ratings route (cluster reviews-grpc) sends.</summary>
    public static readonly string ReviewsGrpcUrl = $"http://127.0.0.1:{ReviewsGrpc}";
}
