using Bff.Stubs.Hosting;
using Bff.Stubs.Reviews.Grpc;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Reviews;

/// <summary>Wiring of the reviews service stub (port 5204).</summary>
internal static class ReviewsStubExtensions
{
    public static WebApplicationBuilder AddReviewsStub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSeeded<ReviewStore>();
        builder.AddReviewsGrpcListener();

        // Far above what 100 ids take; a larger message is refused before it is parsed.
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 64 * 1024);
        return builder;
    }

    public static WebApplication MapReviewsStub(this WebApplication app)
    {
        var api = app.MapStubApi();
        api.MapGet("/reviews/{id}", ReviewEndpoints.GetById);
        api.MapGet("/reviews", ReviewEndpoints.List);
        api.MapGet("/reviews/summary", ReviewEndpoints.Summary);
        api.MapPost("/reviews", ReviewEndpoints.Add);

        // Outside the stub API group: its faults and problems are HTTP answers, a gRPC caller needs a grpc-status.
        app.MapGrpcService<RatingSummariesService>();
        return app;
    }
}
