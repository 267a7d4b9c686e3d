using Bff.AppHost.Redis;
using Bff.AppHost.Suite;
using Microsoft.Extensions.Configuration;

// The suite as ./run.sh starts it (same ports, same settings), under Aspire's orchestrator and dashboard.
var builder = DistributedApplication.CreateBuilder(args);
var suite = SuiteFiles.Prepare(Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..")));

var replicas = builder.Configuration.GetValue("Replicas", 1);
if (replicas is < 1 or > 9)
{
    throw new InvalidOperationException($"Replicas must be 1 to 9 (got {replicas}).");
}

var redis = builder.AddSuiteRedis("redis");

var identity = builder.AddStub("identity", SuitePorts.Identity);
var users = builder.AddStub("users", SuitePorts.Users);
var orders = builder.AddStub("orders", SuitePorts.Orders);
var products = builder.AddStub("products", SuitePorts.Products);
var reviews = builder.AddStub("reviews", SuitePorts.Reviews)
    .WithEnvironment("Stub__Grpc__Url", SuitePorts.ReviewsGrpcUrl);
IResourceBuilder<ProjectResource>[] domain = [users, orders, products, reviews];

var bffs = new[]
{
    builder.AddProject<Projects.Web_Bff>("web-bff", launchProfileName: null).WithHttpEndpoint(port: SuitePorts.WebBff),
    builder.AddProject<Projects.Mobile_Bff>("mobile-bff", launchProfileName: null).WithHttpEndpoint(port: SuitePorts.MobileBff),
    builder.AddProject<Projects.Partner_Bff>("partner-bff", launchProfileName: null).WithHttpEndpoint(port: SuitePorts.PartnerBff),
};
foreach (var bff in bffs)
{
    // Several replicas share the BFF's port: Aspire's proxy spreads the edge's requests over them.
    bff.WithReplicas(replicas)
        .WithSuiteDefaults(redis)
        .WithEnvironment("EdgeIdentity__VerificationKeyPath", suite.IdentityPublicKey)
        .WithDomainService("Users", users)
        .WithDomainService("Orders", orders)
        .WithDomainService("Products", products)
        .WithDomainService("Reviews", reviews);
    foreach (var service in domain)
    {
        bff.WaitFor(service);
    }
}

// The edge listens where its config file says (8080, 8443), so its endpoint is not proxied; it starts last.
var edge = builder.AddProject<Projects.Bff_Edge>("edge", launchProfileName: null)
    .WithArgs("--config", suite.EdgeConfig)
    .WithHttpEndpoint(port: SuitePorts.Edge, isProxied: false)
    .WithSuiteDefaults(redis)
    .WaitFor(identity);
foreach (var bff in bffs)
{
    edge.WaitFor(bff);
}

builder.Build().Run();
