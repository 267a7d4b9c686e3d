using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Bff.Edge.Grpc;

/// <summary>The wire type each field type is encoded with (protobuf.dev/programming-guides/encoding).</summary>
internal static class ProtoWire
{
    public static WireFormat.WireType TypeOf(FieldType type) => type switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireFormat.WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireFormat.WireType.Fixed32,
        FieldType.String or FieldType.Bytes or FieldType.Message => WireFormat.WireType.LengthDelimited,
        FieldType.Group => WireFormat.WireType.StartGroup,
        _ => WireFormat.WireType.Varint,
    };

    /// <summary>Scalars that a repeated field may carry packed in one length-delimited record.</summary>
    public static bool IsPackable(FieldType type) => type is not (FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group);
}
