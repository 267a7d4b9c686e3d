using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.Hosting;

/// <summary>Loads the <c>appsettings.json</c> shipped beside the binary, whatever the working directory.</summary>
internal static class BinarySettingsExtensions
{
    /// <summary>
    /// <c>run.sh</c> starts every service from the repository root, whose content root holds no settings of this
    /// service: the file beside the binary is added as the lowest-priority source, so the content root's file,
    /// environment variables and arguments still override it.
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
