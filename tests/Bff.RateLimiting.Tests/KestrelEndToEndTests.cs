using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.RateLimiting.Tests;

/// <summary>The library used the way the edge uses it: a middleware on a real Kestrel server on loopback.</summary>
public sealed class KestrelEndToEndTests
{
    [Fact]
    public async Task Middleware_answers_429_with_headers_once_the_quota_is_used_up()
    {
        var token = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["RateLimiting:Policies:demo:Limit"] = "3";
        builder.Configuration["RateLimiting:Policies:demo:Period"] = "00:01:00";
        builder.Services.AddSuiteRateLimiting(builder.Configuration);
        await using var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var limiter = context.RequestServices.GetRequiredService<IRateLimiterBackend>();
            var policy = context.RequestServices.GetRequiredService<RateLimitPolicyCatalog>()["demo"];
            var decision = await limiter.CheckAsync(context.Request.Headers["X-Api-Key"].ToString(), policy, context.RequestAborted);
            if (!decision.IsAllowed)
            {
                await context.Response.WriteRateLimitRejectionAsync(decision, context.RequestAborted);
                return;
            }

            context.Response.SetRateLimitHeaders(decision);
            await next(context);
        });
        app.MapGet("/", () => "ok");
        await app.StartAsync(token);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Add("X-Api-Key", "key-1");

            var responses = new List<HttpResponseMessage>();
            for (var i = 0; i < 4; i++)
            {
                responses.Add(await client.GetAsync("/", token));
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
            Assert.Equal("\"demo\";r=2;t=20", responses[0].Headers.GetValues("RateLimit").Single());
            Assert.Equal("\"demo\";q=3;w=60", responses[0].Headers.GetValues("RateLimit-Policy").Single());
            Assert.Equal("\"demo\";r=0;t=60", responses[2].Headers.GetValues("RateLimit").Single());
            Assert.Equal(TimeSpan.FromSeconds(20), responses[3].Headers.RetryAfter!.Delta);
            Assert.Equal("\"demo\";r=0;t=20", responses[3].Headers.GetValues("RateLimit").Single());
            Assert.Equal("application/problem+json", responses[3].Content.Headers.ContentType!.MediaType);

            client.DefaultRequestHeaders.Remove("X-Api-Key");
            client.DefaultRequestHeaders.Add("X-Api-Key", "key-2");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", token)).StatusCode);
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        finally
        {
            await app.StopAsync(token);
        }
    }
}
