using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Bff.ServiceDefaults.Shutdown;

/// <summary>Puts <see cref="DrainConnectionMiddleware"/> in front of the whole pipeline, the service's own endpoints included.</summary>
internal sealed class DrainStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<DrainConnectionMiddleware>();
        next(app);
    };
}
