using Microsoft.Extensions.DependencyInjection;

namespace Bff.AppHost.Redis;

internal static class RedisResourceExtensions
{
    /// <summary>
    /// Debian's redis-server as an executable resource on a port the orchestrator picks (no Docker engine here, so
    /// AddRedis's container cannot run), in memory only, healthy once it answers PING.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddSuiteRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var redis = builder.AddExecutable(name, "redis-server", builder.AppHostDirectory)
            .WithEndpoint(name: "tcp", scheme: "tcp");
        var endpoint = redis.GetEndpoint("tcp");
        redis.WithArgs(context =>
        {
            context.Args.Add("--bind");
            context.Args.Add("127.0.0.1");
            context.Args.Add("--port");
            context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
            context.Args.Add("--save");
            context.Args.Add("");
            context.Args.Add("--appendonly");
            context.Args.Add("no");
        });

        var check = $"{name}-ping";
        builder.Services.AddHealthChecks().Add(new(check, _ => new RedisPingHealthCheck(endpoint), failureStatus: null, tags: null));
        return redis.WithHealthCheck(check);
    }
}
