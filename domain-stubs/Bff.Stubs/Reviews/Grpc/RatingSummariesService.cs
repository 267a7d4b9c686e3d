using Bff.Stubs.Paging;
using Bff.Stubs.Seed;
using Bff.Stubs.Stats;
using Grpc.Core;

namespace Bff.Stubs.Reviews.Grpc;

/// <summary>
/// <c>bff.reviews.v1.RatingSummaries/GetRatingSummaries</c> (shared/Bff.Contracts/Protos/reviews/v1/rating_summaries.proto)
/// on the generated server base: the same summaries as <c>GET /reviews/summary</c>, as protobuf.
/// </summary>
internal sealed class RatingSummariesService(ReviewStore store, RequestStats stats) : RatingSummaries.RatingSummariesBase
{
    /// <summary>The key the call is counted under in <c>GET /_stub/stats</c>.</summary>
    public const string StatsRoute = "POST /bff.reviews.v1.RatingSummaries/GetRatingSummaries";

    public override Task<GetRatingSummariesResponse> GetRatingSummaries(GetRatingSummariesRequest request, ServerCallContext context)
    {
        stats.Count(StatsRoute);
        var ids = request.ProductIds;
        if (ids.Count is 0 || ids.Count > Ids.MaxBatch)
        {
            throw Fail(StatusCode.InvalidArgument, $"product_ids must list 1 to {Ids.MaxBatch} ids; got {ids.Count}");
        }

        var seen = new HashSet<long>();
        var response = new GetRatingSummariesResponse();
        foreach (var id in ids)
        {
            if (id <= 0)
            {
                throw Fail(StatusCode.InvalidArgument, $"product_ids must be positive; got {id}");
            }

            if (!seen.Add(id))
            {
                throw Fail(StatusCode.InvalidArgument, $"product_ids lists {id} twice");
            }

            if (id > SeedSizes.Products)
            {
                throw Fail(StatusCode.NotFound, $"product {id} does not exist");
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

        return Task.FromResult(response);
    }

    private static RpcException Fail(StatusCode code, string detail) => new(new Status(code, detail));
}
