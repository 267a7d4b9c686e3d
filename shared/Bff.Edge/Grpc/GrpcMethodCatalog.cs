using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Bff.Edge.Grpc;

/// <summary>
/// Loads the method a route names from its descriptor set, once per config generation: the result is kept against
/// the route's <see cref="RouteGrpcConfig"/> instance, which validation and every request of that generation share.
/// </summary>
internal static class GrpcMethodCatalog
{
    private static readonly ConditionalWeakTable<RouteGrpcConfig, Loaded> Cache = [];

    /// <summary>The method, or an error that names the key at fault (<c>DescriptorSet: ...</c> or <c>Method: ...</c>).</summary>
    public static bool TryGet(RouteGrpcConfig config, [NotNullWhen(true)] out GrpcMethod? method, [NotNullWhen(false)] out string? error)
    {
        var loaded = Cache.GetValue(config, static c => Load(c.DescriptorSet!, c.Method!));
        method = loaded.Method;
        error = loaded.Error;
        return method is not null;
    }

    private static Loaded Load(string path, string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == name.Length - 1 || name.IndexOf('/', slash + 1) >= 0)
        {
            return Loaded.Failed($"Method: '{name}' must be 'package.Service/Method'");
        }

        IReadOnlyList<FileDescriptor> files;
        try
        {
            var set = FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(path));
            files = FileDescriptor.BuildFromByteStrings(set.File.Select(f => f.ToByteString()));
        }
        catch (InvalidProtocolBufferException)
        {
            // Before IOException, which it derives from.
            return Loaded.Failed($"DescriptorSet: '{path}' is not a FileDescriptorSet (make it with protoc --include_imports --descriptor_set_out=FILE)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Loaded.Failed($"DescriptorSet: cannot read '{path}': {ex.Message}");
        }
        catch (Exception ex) when (ex is DescriptorValidationException or ArgumentException)
        {
            return Loaded.Failed($"DescriptorSet: '{path}' does not build ({ex.Message}); was it made with --include_imports?");
        }

        var serviceName = name[..slash];
        var methodName = name[(slash + 1)..];
        var services = files.SelectMany(f => f.Services).ToList();
        var service = services.Find(s => s.FullName == serviceName);
        if (service is null)
        {
            return Loaded.Failed($"Method: service '{serviceName}' is not in '{path}' (it has: {List(services.Select(s => s.FullName))})");
        }

        var descriptor = service.FindMethodByName(methodName);
        if (descriptor is null)
        {
            return Loaded.Failed($"Method: '{methodName}' is not a method of {serviceName} (it has: {List(service.Methods.Select(m => m.Name))})");
        }

        if (descriptor.IsClientStreaming || descriptor.IsServerStreaming)
        {
            return Loaded.Failed($"Method: {name} is a streaming method; only unary methods can be translated");
        }

        var unsupported = ProtoSupport.FindUnsupported(descriptor.InputType) ?? ProtoSupport.FindUnsupported(descriptor.OutputType);
        return unsupported is null ? new Loaded(new GrpcMethod(descriptor), null) : Loaded.Failed($"Method: {name} uses {unsupported}");
    }

    private static string List(IEnumerable<string> names)
    {
        var text = string.Join(", ", names);
        return text.Length == 0 ? "none" : text;
    }

    private sealed record Loaded(GrpcMethod? Method, string? Error)
    {
        public static Loaded Failed(string error) => new(null, error);
    }
}
