using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.Hosting;

/// <summary>Loads the <c>appsettings.json</c> shipped next to the binary, whatever the working directory.</summary>
internal static class BinarySettingsExtensions
{
    /// <summary>
    /// The suite starts every service from the repository root (<c>dotnet artifacts/.../Mobile.Bff.dll</c>), so the
    /// content root holds no settings of this service. The file beside the binary is added as the lowest-priority
    /// source: the content root's <c>appsettings.json</c>, environment variables and arguments still override it,
    /// and relative paths in it (<c>EdgeIdentity:VerificationKeyPath</c>) stay relative to the working directory.
    /// </summary>
    public static IHostApplicationBuilder AddSettingsBesideBinary(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
        return builder;
    }
}
