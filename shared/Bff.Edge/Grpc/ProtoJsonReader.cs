using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Bff.Edge.Grpc;

/// <summary>
/// JSON to protobuf wire bytes, driven by a message descriptor, after the proto3 JSON mapping
/// (protobuf.dev/programming-guides/json): fields by lowerCamelCase JSON name or original name, 64-bit integers as
/// numbers or strings, bytes as base64, enums by name (or number), null as the default. Unknown fields and values of
/// the wrong type are errors naming the field's JSON path, so nothing malformed reaches the upstream.
/// </summary>
internal static class ProtoJsonReader
{
    /// <summary>Nesting allowed before the input is refused (protobuf's own default recursion limit is 100).</summary>
    private const int MaxDepth = 64;

    public static bool TryConvert(JsonElement json, MessageDescriptor message, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        try
        {
            bytes = WriteMessage(json, message, "$", 0);
            error = null;
            return true;
        }
        catch (ProtoJsonException ex)
        {
            bytes = null;
            error = ex.Message;
            return false;
        }
    }

    private static byte[] WriteMessage(JsonElement json, MessageDescriptor message, string path, int depth)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path, $"expected an object ({message.FullName}), got {Describe(json)}");
        }

        if (depth > MaxDepth)
        {
            throw Fail(path, $"nests deeper than {MaxDepth} messages");
        }

        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer, leaveOpen: true);
        var seen = new HashSet<int>();
        foreach (var property in json.EnumerateObject())
        {
            var fieldPath = $"{path}.{property.Name}";
            var field = FindField(message, property.Name) ?? throw Fail(fieldPath, $"is not a field of {message.FullName}");
            if (!seen.Add(field.FieldNumber))
            {
                throw Fail(fieldPath, "is given twice (by JSON name and proto name, or repeated)");
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                WriteRepeated(output, field, property.Value, fieldPath, depth);
            }
            else
            {
                WriteField(output, field, property.Value, fieldPath, depth);
            }
        }

        output.Flush();
        return buffer.ToArray();
    }

    private static FieldDescriptor? FindField(MessageDescriptor message, string name)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            if (field.JsonName == name || field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    private static void WriteRepeated(CodedOutputStream output, FieldDescriptor field, JsonElement json, string path, int depth)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw Fail(path, $"expected an array, got {Describe(json)}");
        }

        if (json.GetArrayLength() == 0)
        {
            return;
        }

        // Google.Protobuf reports proto3 repeated messages and strings as packed too; only scalars can be.
        if (!field.IsPacked || !ProtoWire.IsPackable(field.FieldType))
        {
            var index = 0;
            foreach (var item in json.EnumerateArray())
            {
                WriteField(output, field, RequireNotNull(item, $"{path}[{index}]"), $"{path}[{index}]", depth);
                index++;
            }

            return;
        }

        // Packed (proto3's default for numeric fields): one length-delimited record holding the bare values.
        using var buffer = new MemoryStream();
        var packed = new CodedOutputStream(buffer, leaveOpen: true);
        var i = 0;
        foreach (var item in json.EnumerateArray())
        {
            WriteValue(packed, field, RequireNotNull(item, $"{path}[{i}]"), $"{path}[{i}]");
            i++;
        }

        packed.Flush();
        output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(UnsafeByteOperations.UnsafeWrap(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)));
    }

    private static JsonElement RequireNotNull(JsonElement item, string path) =>
        item.ValueKind == JsonValueKind.Null ? throw Fail(path, "null is not allowed in a repeated field") : item;

    private static void WriteField(CodedOutputStream output, FieldDescriptor field, JsonElement json, string path, int depth)
    {
        if (field.FieldType == FieldType.Message)
        {
            var nested = WriteMessage(json, field.MessageType, path, depth + 1);
            output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(nested));
            return;
        }

        output.WriteTag(field.FieldNumber, ProtoWire.TypeOf(field.FieldType));
        WriteValue(output, field, json, path);
    }

    private static void WriteValue(CodedOutputStream output, FieldDescriptor field, JsonElement json, string path)
    {
        switch (field.FieldType)
        {
            case FieldType.Int32:
                output.WriteInt32((int)ReadInteger(json, path, "int32", int.MinValue, int.MaxValue));
                break;
            case FieldType.SInt32:
                output.WriteSInt32((int)ReadInteger(json, path, "sint32", int.MinValue, int.MaxValue));
                break;
            case FieldType.SFixed32:
                output.WriteSFixed32((int)ReadInteger(json, path, "sfixed32", int.MinValue, int.MaxValue));
                break;
            case FieldType.UInt32:
                output.WriteUInt32((uint)ReadInteger(json, path, "uint32", uint.MinValue, uint.MaxValue));
                break;
            case FieldType.Fixed32:
                output.WriteFixed32((uint)ReadInteger(json, path, "fixed32", uint.MinValue, uint.MaxValue));
                break;
            case FieldType.Int64:
                output.WriteInt64((long)ReadInteger(json, path, "int64", long.MinValue, long.MaxValue));
                break;
            case FieldType.SInt64:
                output.WriteSInt64((long)ReadInteger(json, path, "sint64", long.MinValue, long.MaxValue));
                break;
            case FieldType.SFixed64:
                output.WriteSFixed64((long)ReadInteger(json, path, "sfixed64", long.MinValue, long.MaxValue));
                break;
            case FieldType.UInt64:
                output.WriteUInt64((ulong)ReadInteger(json, path, "uint64", ulong.MinValue, ulong.MaxValue));
                break;
            case FieldType.Fixed64:
                output.WriteFixed64((ulong)ReadInteger(json, path, "fixed64", ulong.MinValue, ulong.MaxValue));
                break;
            case FieldType.Double:
                output.WriteDouble(ReadFloatingPoint(json, path, "double"));
                break;
            case FieldType.Float:
                var value = ReadFloatingPoint(json, path, "float");
                if (double.IsFinite(value) && float.IsInfinity((float)value))
                {
                    throw Fail(path, "is out of range for a float");
                }

                output.WriteFloat((float)value);
                break;
            case FieldType.Bool:
                output.WriteBool(json.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Fail(path, $"expected true or false, got {Describe(json)}"),
                });
                break;
            case FieldType.String:
                output.WriteString(json.ValueKind == JsonValueKind.String ? json.GetString()! : throw Fail(path, $"expected a string, got {Describe(json)}"));
                break;
            case FieldType.Bytes:
                output.WriteBytes(ByteString.CopyFrom(ReadBase64(json, path)));
                break;
            case FieldType.Enum:
                output.WriteEnum(ReadEnum(json, field.EnumType, path));
                break;
            default:
                throw Fail(path, $"has the unsupported type {field.FieldType}");
        }
    }

    /// <summary>An integer given as a JSON number or a string of one, integral and within the type's range.</summary>
    private static decimal ReadInteger(JsonElement json, string path, string type, decimal min, decimal max)
    {
        decimal value;
        var parsed = json.ValueKind switch
        {
            JsonValueKind.Number => json.TryGetDecimal(out value),
            JsonValueKind.String => decimal.TryParse(json.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value),
            _ => throw Fail(path, $"expected {type} (a number or a string of digits), got {Describe(json)}"),
        };
        if (!parsed || value != decimal.Truncate(value))
        {
            throw Fail(path, $"expected {type}, got a value that is not an integer");
        }

        return value >= min && value <= max ? value : throw Fail(path, $"is out of range for {type}");
    }

    private static double ReadFloatingPoint(JsonElement json, string path, string type)
    {
        if (json.ValueKind == JsonValueKind.Number)
        {
            return json.TryGetDouble(out var number) && double.IsFinite(number) ? number : throw Fail(path, $"is out of range for a {type}");
        }

        if (json.ValueKind == JsonValueKind.String)
        {
            var text = json.GetString();
            switch (text)
            {
                case "NaN":
                    return double.NaN;
                case "Infinity":
                    return double.PositiveInfinity;
                case "-Infinity":
                    return double.NegativeInfinity;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }
        }

        throw Fail(path, $"expected a {type} (a number, or \"NaN\", \"Infinity\", \"-Infinity\"), got {Describe(json)}");
    }

    // Standard or URL-safe base64, with or without padding (the proto3 JSON mapping accepts both).
    private static byte[] ReadBase64(JsonElement json, string path)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            var text = json.GetString()!.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            var bytes = new byte[text.Length];
            if (Convert.TryFromBase64String(text, bytes, out var written))
            {
                return bytes[..written];
            }
        }

        throw Fail(path, $"expected base64 bytes, got {Describe(json)}");
    }

    private static int ReadEnum(JsonElement json, EnumDescriptor type, string path)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            var value = type.FindValueByName(json.GetString()!);
            return value?.Number ?? throw Fail(path, $"is not a value of {type.FullName} (one of: {string.Join(", ", type.Values.Select(v => v.Name))})");
        }

        if (json.ValueKind == JsonValueKind.Number)
        {
            return (int)ReadInteger(json, path, "enum number", int.MinValue, int.MaxValue);
        }

        throw Fail(path, $"expected a {type.FullName} name, got {Describe(json)}");
    }

    private static string Describe(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static ProtoJsonException Fail(string path, string message) => new($"{path}: {message}");
}
