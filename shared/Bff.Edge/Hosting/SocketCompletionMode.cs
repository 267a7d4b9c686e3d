using Bff.Edge.Configuration;

namespace Bff.Edge.Hosting;

/// <summary>Applies <see cref="ServerConfig.InlineSocketCompletions"/> through the runtime's own switch.</summary>
internal static class SocketCompletionMode
{
    /// <summary>
    /// Read once by the runtime, when its socket engine starts, so this has to run before the process opens its
    /// first socket.
    /// </summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Whether this process runs completions inline (the variable is read, not the config: in-process hosts never set it).</summary>
    public static bool IsInline => Environment.GetEnvironmentVariable(Variable) == "1";

    public static void Apply(ServerConfig server) =>
        Environment.SetEnvironmentVariable(Variable, server.InlineSocketCompletions ? "1" : null);
}
