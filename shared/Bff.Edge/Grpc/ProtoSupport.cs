using Google.Protobuf.Reflection;

namespace Bff.Edge.Grpc;

/// <summary>
/// What the edge's JSON converter handles: proto3 scalars, enums, nested messages and repeated fields. Maps, oneofs
/// (proto3 <c>optional</c> included), groups and the well-known types (Any, Timestamp, wrappers, Struct, ...) have
/// JSON mappings of their own that the converter does not implement, so a method using them is refused at load.
/// </summary>
internal static class ProtoSupport
{
    /// <summary>A description of the first unsupported construct reachable from <paramref name="root"/>, or null.</summary>
    public static string? FindUnsupported(MessageDescriptor root)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<MessageDescriptor>();
        pending.Push(root);
        while (pending.TryPop(out var message))
        {
            if (!visited.Add(message.FullName))
            {
                continue;
            }

            if (message.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
            {
                return $"the well-known type {message.FullName}, which is not supported";
            }

            foreach (var field in message.Fields.InDeclarationOrder())
            {
                var where = $"{message.FullName}.{field.Name}";
                if (field.IsMap)
                {
                    return $"{where}, a map field, which is not supported";
                }

                if (field.ContainingOneof is not null)
                {
                    return $"{where}, a oneof (or proto3 optional) field, which is not supported";
                }

                if (field.FieldType == FieldType.Group)
                {
                    return $"{where}, a group, which is not supported";
                }

                if (field.FieldType == FieldType.Message)
                {
                    pending.Push(field.MessageType);
                }
            }
        }

        return null;
    }
}
