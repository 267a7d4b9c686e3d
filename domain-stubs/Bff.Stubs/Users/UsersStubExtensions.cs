using Bff.Stubs.Hosting;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Users;

/// <summary>Wiring of the users service stub (port 5201).</summary>
internal static class UsersStubExtensions
{
    public static WebApplicationBuilder AddUsersStub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSeeded<UserStore>();
        return builder;
    }

    public static WebApplication MapUsersStub(this WebApplication app)
    {
        var api = app.MapStubApi();
        api.MapGet("/users/{id}", UserEndpoints.GetById);
        api.MapGet("/users", UserEndpoints.List);
        api.MapGet("/users/{id}/notifications/unread-count", UserEndpoints.UnreadCount);
        return app;
    }
}
