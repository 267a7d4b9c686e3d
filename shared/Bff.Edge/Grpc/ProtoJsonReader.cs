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
            bytes = WriteMessage(json, message, 0);
            error = null;
            return true;
        }
        catch (ProtoJsonException ex)
        {
            bytes = null;
            error = $"${ex.Path}: {ex.Message}";
            return false;
        }
    }

    private static byte[] WriteMessage(JsonElement json, MessageDescriptor message, int depth)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"expected an object ({message.FullName}), got {Describe(json)}");
        }

        if (depth > MaxDepth)
        {
            throw Fail($"nests deeper than {MaxDepth} messages");
        }

        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer, leaveOpen: true);
        var seen = new HashSet<int>();
        foreach (var property in json.EnumerateObject())
        {
            try
            {
                var field = FindField(message, property.Name) ?? throw Fail($"is not a field of {message.FullName}");
                if (!seen.Add(field.FieldNumber))
                {
                    throw Fail("is given twice (by JSON name and proto name, or repeated)");
                }

                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (field.IsRepeated)
                {
                    WriteRepeated(output, field, property.Value, depth);
                }
                else
                {
                    WriteField(output, field, property.Value, depth);
                }
            }
            catch (ProtoJsonException ex)
            {
                throw ex.Within("." + property.Name);
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

    private static void WriteRepeated(CodedOutputStream output, FieldDescriptor field, JsonElement json, int depth)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"expected an array, got {Describe(json)}");
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
                try
                {
                    WriteField(output, field, RequireNotNull(item), depth);
                }
                catch (ProtoJsonException ex)
                {
                    throw ex.Within(Index(index));
                }

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
            try
            {
                WriteValue(packed, field, RequireNotNull(item));
            }
            catch (ProtoJsonException ex)
            {
                throw ex.Within(Index(i));
            }

            i++;
        }

        packed.Flush();
        output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(UnsafeByteOperations.UnsafeWrap(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)));
    }

    private static JsonElement RequireNotNull(JsonElement item) =>
        item.ValueKind == JsonValueKind.Null ? throw Fail("null is not allowed in a repeated field") : item;

    private static string Index(int index) => string.Create(CultureInfo.InvariantCulture, $"[{index}]");

    private static void WriteField(CodedOutputStream output, FieldDescriptor field, JsonElement json, int depth)
    {
        if (field.FieldType == FieldType.Message)
        {
            var nested = WriteMessage(json, field.MessageType, depth + 1);
            output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(nested));
            return;
        }

        output.WriteTag(field.FieldNumber, ProtoWire.TypeOf(field.FieldType));
        WriteValue(output, field, json);
    }

    private static void WriteValue(CodedOutputStream output, FieldDescriptor field, JsonElement json)
    {
        switch (field.FieldType)
        {
            case FieldType.Int32:
                output.WriteInt32((int)ReadInteger(json, "int32", int.MinValue, int.MaxValue));
                break;
            case FieldType.SInt32:
                output.WriteSInt32((int)ReadInteger(json, "sint32", int.MinValue, int.MaxValue));
                break;
            case FieldType.SFixed32:
                output.WriteSFixed32((int)ReadInteger(json, "sfixed32", int.MinValue, int.MaxValue));
                break;
            case FieldType.UInt32:
                output.WriteUInt32((uint)ReadInteger(json, "uint32", uint.MinValue, uint.MaxValue));
                break;
            case FieldType.Fixed32:
                output.WriteFixed32((uint)ReadInteger(json, "fixed32", uint.MinValue, uint.MaxValue));
                break;
            case FieldType.Int64:
                output.WriteInt64((long)ReadInteger(json, "int64", long.MinValue, long.MaxValue));
                break;
            case FieldType.SInt64:
                output.WriteSInt64((long)ReadInteger(json, "sint64", long.MinValue, long.MaxValue));
                break;
            case FieldType.SFixed64:
                output.WriteSFixed64((long)ReadInteger(json, "sfixed64", long.MinValue, long.MaxValue));
                break;
            case FieldType.UInt64:
                output.WriteUInt64((ulong)ReadInteger(json, "uint64", ulong.MinValue, ulong.MaxValue));
                break;
            case FieldType.Fixed64:
                output.WriteFixed64((ulong)ReadInteger(json, "fixed64", ulong.MinValue, ulong.MaxValue));
                break;
            case FieldType.Double:
                output.WriteDouble(ReadFloatingPoint(json, "double"));
                break;
            case FieldType.Float:
                var value = ReadFloatingPoint(json, "float");
                if (double.IsFinite(value) && float.IsInfinity((float)value))
                {
                    throw Fail("is out of range for a float");
                }

                output.WriteFloat((float)value);
                break;
            case FieldType.Bool:
                output.WriteBool(json.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Fail($"expected true or false, got {Describe(json)}"),
                });
                break;
            case FieldType.String:
                output.WriteString(json.ValueKind == JsonValueKind.String ? json.GetString()! : throw Fail($"expected a string, got {Describe(json)}"));
                break;
            case FieldType.Bytes:
                output.WriteBytes(ByteString.CopyFrom(ReadBase64(json)));
                break;
            case FieldType.Enum:
                output.WriteEnum(ReadEnum(json, field.EnumType));
                break;
            default:
                throw Fail($"has the unsupported type {field.FieldType}");
        }
    }

    /// <summary>An integer given as a JSON number or a string of one, integral and within the type's range.</summary>
    private static decimal ReadInteger(JsonElement json, string type, decimal min, decimal max)
    {
        decimal value;
        var parsed = json.ValueKind switch
        {
            JsonValueKind.Number => json.TryGetDecimal(out value),
            JsonValueKind.String => decimal.TryParse(json.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value),
            _ => throw Fail($"expected {type} (a number or a string of digits), got {Describe(json)}"),
        };
        if (!parsed || value != decimal.Truncate(value))
        {
            throw Fail($"expected {type}, got a value that is not an integer");
        }

        return value >= min && value <= max ? value : throw Fail($"is out of range for {type}");
    }

    private static double ReadFloatingPoint(JsonElement json, string type)
    {
        if (json.ValueKind == JsonValueKind.Number)
        {
            return json.TryGetDouble(out var number) && double.IsFinite(number) ? number : throw Fail($"is out of range for a {type}");
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

        throw Fail($"expected a {type} (a number, or \"NaN\", \"Infinity\", \"-Infinity\"), got {Describe(json)}");
    }

    // Standard or URL-safe base64, with or without padding (the proto3 JSON mapping accepts both).
    private static byte[] ReadBase64(JsonElement json)
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

        throw Fail($"expected base64 bytes, got {Describe(json)}");
    }

    private static int ReadEnum(JsonElement json, EnumDescriptor type)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            var value = type.FindValueByName(json.GetString()!);
            return value?.Number ?? throw Fail($"is not a value of {type.FullName} (one of: {string.Join(", ", type.Values.Select(v => v.Name))})");
        }

        if (json.ValueKind == JsonValueKind.Number)
        {
            return (int)ReadInteger(json, "enum number", int.MinValue, int.MaxValue);
        }

        throw Fail($"expected a {type.FullName} name, got {Describe(json)}");
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

    private static ProtoJsonException Fail(string message) => new(message);
}
