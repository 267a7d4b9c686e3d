using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Bff.Edge.Grpc;

/// <summary>
/// Protobuf wire bytes to JSON, driven by a message descriptor, after the proto3 JSON mapping: lowerCamelCase JSON
/// names, 64-bit integers as strings, bytes as base64, enums by name, NaN/Infinity as strings. Every scalar, enum and
/// repeated field is written, with its default when absent (like protobuf's "always print primitive fields"), so
/// clients see <c>"count": 0</c> rather than nothing; an absent nested message is left out. Unknown fields are skipped.
/// </summary>
internal static class ProtoJsonWriter
{
    private const int MaxDepth = 64;

    /// <summary>Writes the message; false (with the reason) when the bytes do not match the descriptor.</summary>
    public static bool TryWrite(ReadOnlyMemory<byte> bytes, MessageDescriptor message, Utf8JsonWriter writer, out string? error)
    {
        try
        {
            WriteMessage(new CodedInputStream(ToArray(bytes, out var offset), offset, bytes.Length), message, writer, 0);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or ProtoJsonException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static byte[] ToArray(ReadOnlyMemory<byte> bytes, out int offset)
    {
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment))
        {
            offset = segment.Offset;
            return segment.Array!;
        }

        offset = 0;
        return bytes.ToArray();
    }

    private static void WriteMessage(CodedInputStream input, MessageDescriptor message, Utf8JsonWriter writer, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ProtoJsonException($"{message.FullName} nests deeper than {MaxDepth} messages");
        }

        var fields = message.Fields.InDeclarationOrder();
        var values = new List<object>?[fields.Count];
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = message.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field is null)
            {
                input.SkipLastField();
                continue;
            }

            var list = values[field.Index] ??= [];
            var wireType = WireFormat.GetTagWireType(tag);
            if (wireType == WireFormat.WireType.LengthDelimited && field.IsRepeated && ProtoWire.IsPackable(field.FieldType))
            {
                var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
                while (!packed.IsAtEnd)
                {
                    list.Add(ReadValue(packed, field));
                }

                continue;
            }

            if (wireType != ProtoWire.TypeOf(field.FieldType))
            {
                throw new ProtoJsonException($"{message.FullName}.{field.Name} arrived with wire type {wireType}, not {ProtoWire.TypeOf(field.FieldType)}");
            }

            list.Add(field.FieldType == FieldType.Message ? input.ReadBytes() : ReadValue(input, field));
        }

        writer.WriteStartObject();
        foreach (var field in fields)
        {
            var list = values[field.Index];
            if (field.IsRepeated)
            {
                writer.WriteStartArray(field.JsonName);
                foreach (var value in list ?? [])
                {
                    WriteValue(writer, field, value, depth);
                }

                writer.WriteEndArray();
            }
            else if (field.FieldType == FieldType.Message)
            {
                if (list is not null)
                {
                    // A message field seen more than once merges, which is what parsing the pieces back to back does.
                    writer.WritePropertyName(field.JsonName);
                    var merged = list.Count == 1 ? (ByteString)list[0] : ByteString.CopyFrom([.. list.SelectMany(p => ((ByteString)p).ToByteArray())]);
                    WriteMessage(new CodedInputStream(merged.ToByteArray()), field.MessageType, writer, depth + 1);
                }
            }
            else
            {
                writer.WritePropertyName(field.JsonName);
                WriteValue(writer, field, list is null ? DefaultOf(field) : list[^1], depth);
            }
        }

        writer.WriteEndObject();
    }

    private static object ReadValue(CodedInputStream input, FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => input.ReadDouble(),
        FieldType.Float => input.ReadFloat(),
        FieldType.Int64 => input.ReadInt64(),
        FieldType.UInt64 => input.ReadUInt64(),
        FieldType.Int32 => input.ReadInt32(),
        FieldType.Fixed64 => input.ReadFixed64(),
        FieldType.Fixed32 => input.ReadFixed32(),
        FieldType.Bool => input.ReadBool(),
        FieldType.String => input.ReadString(),
        FieldType.Bytes => input.ReadBytes(),
        FieldType.UInt32 => input.ReadUInt32(),
        FieldType.SFixed32 => input.ReadSFixed32(),
        FieldType.SFixed64 => input.ReadSFixed64(),
        FieldType.SInt32 => input.ReadSInt32(),
        FieldType.SInt64 => input.ReadSInt64(),
        FieldType.Enum => input.ReadEnum(),
        _ => throw new ProtoJsonException($"{field.FullName} has the unsupported type {field.FieldType}"),
    };

    private static object DefaultOf(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => 0d,
        FieldType.Float => 0f,
        FieldType.Int64 or FieldType.SFixed64 or FieldType.SInt64 => 0L,
        FieldType.UInt64 or FieldType.Fixed64 => 0UL,
        FieldType.UInt32 or FieldType.Fixed32 => 0U,
        FieldType.Bool => false,
        FieldType.String => string.Empty,
        FieldType.Bytes => ByteString.Empty,
        _ => 0,
    };

    private static void WriteValue(Utf8JsonWriter writer, FieldDescriptor field, object value, int depth)
    {
        switch (value)
        {
            case ByteString message when field.FieldType == FieldType.Message:
                WriteMessage(new CodedInputStream(message.ToByteArray()), field.MessageType, writer, depth + 1);
                break;
            case ByteString bytes:
                writer.WriteBase64StringValue(bytes.Span);
                break;
            case int number when field.FieldType == FieldType.Enum:
                if (field.EnumType.FindValueByNumber(number) is { } known)
                {
                    writer.WriteStringValue(known.Name);
                }
                else
                {
                    writer.WriteNumberValue(number);
                }

                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case uint number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                if (!TryWriteNonFinite(writer, number))
                {
                    writer.WriteNumberValue(number);
                }

                break;
            case float number:
                if (!TryWriteNonFinite(writer, number))
                {
                    writer.WriteNumberValue(number);
                }

                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            default:
                throw new ProtoJsonException($"{field.FullName}: unexpected value");
        }
    }

    private static bool TryWriteNonFinite(Utf8JsonWriter writer, double number)
    {
        if (double.IsFinite(number))
        {
            return false;
        }

        writer.WriteStringValue(double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
        return true;
    }
}
