using Bff.Stubs.Paging;
using Bff.Stubs.Seed;
using Bff.Stubs.Stats;

namespace Bff.Stubs.Reviews.Grpc;

/// <summary>
/// <c>bff.reviews.v1.RatingSummaries/GetRatingSummaries</c> (shared/Bff.Contracts/Protos/reviews/v1/rating_summaries.proto):
/// the same summaries as <c>GET /reviews/summary</c>, as protobuf.
/// </summary>
internal static class RatingSummariesEndpoint
{
    public const string Path = "/bff.reviews.v1.RatingSummaries/GetRatingSummaries";

    /// <summary>The key the call is counted under in <c>GET /_stub/stats</c>.</summary>
    public const string StatsRoute = "POST " + Path;

    public static async Task HandleAsync(HttpContext context, ReviewStore store, RequestStats stats)
    {
        stats.Count(StatsRoute);
        if (!HttpProtocol.IsHttp2(context.Request.Protocol))
        {
            await GrpcUnary.FailAsync(context, GrpcStatusCode.Internal, "gRPC needs HTTP/2; this listener is the HTTP one");
            return;
        }

        var (request, status, error) = await GrpcUnary.ReadAsync(context, GetRatingSummariesRequest.Parser);
        if (request is null)
        {
            await GrpcUnary.FailAsync(context, status, error!);
            return;
        }

        var ids = request.ProductIds;
        if (ids.Count is 0 || ids.Count > Ids.MaxBatch)
        {
            await GrpcUnary.FailAsync(context, GrpcStatusCode.InvalidArgument, $"product_ids must list 1 to {Ids.MaxBatch} ids; got {ids.Count}");
            return;
        }

        var seen = new HashSet<long>();
        var response = new GetRatingSummariesResponse();
        foreach (var id in ids)
        {
            if (id <= 0)
            {
                await GrpcUnary.FailAsync(context, GrpcStatusCode.InvalidArgument, $"product_ids must be positive; got {id}");
                return;
            }

            if (!seen.Add(id))
            {
                await GrpcUnary.FailAsync(context, GrpcStatusCode.InvalidArgument, $"product_ids lists {id} twice");
                return;
            }

            if (id > SeedSizes.Products)
            {
                await GrpcUnary.FailAsync(context, GrpcStatusCode.NotFound, $"product {id} does not exist");
                return;
            }

            var summary = store.SummaryOf((int)id);
            response.Summaries.Add(new RatingSummary
            {
                ProductId = id,
                Average = summary.Average,
                Count = summary.Count,
                Histogram = { summary.Histogram },
            });
        }

        await GrpcUnary.WriteAsync(context, response);
    }
}
