using Google.Protobuf.Reflection;

namespace Bff.Edge.Grpc;

/// <summary>A unary method found in a descriptor set and checked to hold only message shapes the converter supports.</summary>
internal sealed class GrpcMethod(MethodDescriptor descriptor)
{
    /// <summary>The HTTP/2 path of the call: <c>/package.Service/Method</c>.</summary>
    public string Path { get; } = $"/{descriptor.Service.FullName}/{descriptor.Name}";

    public MessageDescriptor Input => descriptor.InputType;

    public MessageDescriptor Output => descriptor.OutputType;
}
