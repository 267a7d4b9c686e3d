using System.Diagnostics;
using Bff.Stubs.Hosting;
using Bff.Stubs.Identity;
using Bff.Stubs.Orders;
using Bff.Stubs.Products;
using Bff.Stubs.Reviews;
using Bff.Stubs.Users;

var builder = WebApplication.CreateBuilder(args);
var service = builder.AddStubHost(args);
builder.AddServiceDefaults();
_ = service switch
{
    StubService.Identity => builder.AddIdentityStub(),
    StubService.Users => builder.AddUsersStub(),
    StubService.Orders => builder.AddOrdersStub(),
    StubService.Products => builder.AddProductsStub(),
    StubService.Reviews => builder.AddReviewsStub(),
    _ => throw new UnreachableException(),
};

var app = builder.Build();
app.MapStubSurface();
_ = service switch
{
    StubService.Identity => app.MapIdentityStub(),
    StubService.Users => app.MapUsersStub(),
    StubService.Orders => app.MapOrdersStub(),
    StubService.Products => app.MapProductsStub(),
    StubService.Reviews => app.MapReviewsStub(),
    _ => throw new UnreachableException(),
};
app.MapServiceDefaults();
app.Run();

/// <summary>The stub host; public so in-process tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
