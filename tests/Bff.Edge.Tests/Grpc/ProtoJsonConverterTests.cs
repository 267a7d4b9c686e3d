using System.Text;
using System.Text.Json;
using Bff.Edge.Grpc;
using Bff.Edge.Tests.Grpc.Messages;
using Google.Protobuf;

namespace Bff.Edge.Tests.Grpc;

/// <summary>
/// The edge's descriptor-driven JSON/protobuf converter against Google.Protobuf's own generated classes, JSON
/// formatter and parser: every supported type both ways, the proto3 JSON mapping's input variants, and the errors.
/// </summary>
public sealed class ProtoJsonConverterTests
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static TheoryData<string> Messages => new()
    {
        "full",
        "empty",
        "extremes",
        "non-finite",
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Json_from_protobufs_formatter_converts_to_the_same_message(string name)
    {
        var original = Sample(name);

        var bytes = ToProtobuf(Formatter.Format(original));

        Assert.Equal(original, AllTypes.Parser.ParseFrom(bytes));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Protobuf_bytes_convert_to_json_that_protobufs_parser_reads_back_as_the_same_message(string name)
    {
        var original = Sample(name);

        var json = ToJson(original.ToByteArray());

        Assert.Equal(original, JsonParser.Default.Parse<AllTypes>(json));
    }

    [Fact]
    public void Output_follows_the_proto3_json_mapping_and_writes_defaults()
    {
        var message = new AllTypes
        {
            AnInt64 = 5_000_000_000,
            AUint64 = ulong.MaxValue,
            ADouble = 2.5,
            AFloat = float.NaN,
            SomeBytes = ByteString.CopyFrom(0xfb, 0xff),
            Color = Color.Green,
            Inners = { new Inner { Name = "a", Child = new Inner { Value = -1 } } },
            Colors = { Color.Red, (Color)7 },
        };

        var json = ToJson(message.ToByteArray());

        Assert.Equal(
            """{"anInt32":0,"anInt64":"5000000000","aUint32":0,"aUint64":"18446744073709551615","aSint32":0,"aSint64":"0","aFixed32":0,"aFixed64":"0","anSfixed32":0,"anSfixed64":"0","aFloat":"NaN","aDouble":2.5,"aBool":false,"aString":"","someBytes":"+/8=","color":"GREEN","int32s":[],"int64s":[],"doubles":[],"strings":[],"bytesList":[],"colors":["RED",7],"inners":[{"name":"a","value":0,"child":{"name":"","value":-1}}],"bools":[],"floats":[],"uint64s":[],"sint64s":[],"fixed32s":[]}""",
            json);
    }

    [Fact]
    public void Input_accepts_proto_names_numbers_or_strings_for_integers_enum_numbers_and_url_safe_base64()
    {
        var bytes = ToProtobuf("""
            {"an_int32": "-12", "anInt64": 9007199254740993, "a_uint64": "18446744073709551615", "aSint64": -3,
             "color": 2, "colors": ["RED", 0], "someBytes": "-_8", "aDouble": "1.5e3", "aFloat": "-Infinity",
             "int64s": ["1", 2, 3e2], "inner": {"child": {"name": "x"}}, "a_string": null}
            """);

        var expected = new AllTypes
        {
            AnInt32 = -12,
            AnInt64 = 9007199254740993,
            AUint64 = ulong.MaxValue,
            ASint64 = -3,
            Color = Color.Green,
            Colors = { Color.Red, Color.Unspecified },
            SomeBytes = ByteString.CopyFrom(0xfb, 0xff),
            ADouble = 1500,
            AFloat = float.NegativeInfinity,
            Int64S = { 1, 2, 300 },
            Inner = new Inner { Child = new Inner { Name = "x" } },
        };
        Assert.Equal(expected, AllTypes.Parser.ParseFrom(bytes));
    }

    [Fact]
    public void Unpacked_repeated_fields_and_unknown_fields_on_the_wire_are_read()
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(20, WireFormat.WireType.Varint);
        output.WriteInt32(4);
        output.WriteTag(99, WireFormat.WireType.LengthDelimited);
        output.WriteString("ignored");
        output.WriteTag(20, WireFormat.WireType.Varint);
        output.WriteInt32(5);
        output.Flush();

        var json = ToJson(buffer.ToArray());

        Assert.Equal([4, 5], JsonParser.Default.Parse<AllTypes>(json).Int32S);
    }

    [Fact]
    public void Bytes_that_do_not_match_the_descriptor_are_refused()
    {
        using var writer = new Utf8JsonWriter(new MemoryStream());

        // Field 14 (a string) sent as a varint.
        var ok = ProtoJsonWriter.TryWrite(new byte[] { 14 << 3, 1 }, AllTypes.Descriptor, writer, out var error);

        Assert.False(ok);
        Assert.Equal("bff.test.v1.AllTypes.a_string arrived with wire type Varint, not LengthDelimited", error);
    }

    [Theory]
    [InlineData("""{"nope": 1}""", "$.nope: is not a field of bff.test.v1.AllTypes")]
    [InlineData("""{"anInt32": true}""", "$.anInt32: expected int32 (a number or a string of digits), got true")]
    [InlineData("""{"anInt32": 1.5}""", "$.anInt32: expected int32, got a value that is not an integer")]
    [InlineData("""{"anInt32": 2147483648}""", "$.anInt32: is out of range for int32")]
    [InlineData("""{"aUint32": -1}""", "$.aUint32: is out of range for uint32")]
    [InlineData("""{"anInt64": "12x"}""", "$.anInt64: expected int64, got a value that is not an integer")]
    [InlineData("""{"aFloat": 1e39}""", "$.aFloat: is out of range for a float")]
    [InlineData("""{"aDouble": "fast"}""", "$.aDouble: expected a double (a number, or \"NaN\", \"Infinity\", \"-Infinity\"), got a string")]
    [InlineData("""{"aBool": "true"}""", "$.aBool: expected true or false, got a string")]
    [InlineData("""{"aString": 3}""", "$.aString: expected a string, got a number")]
    [InlineData("""{"someBytes": "not base64!"}""", "$.someBytes: expected base64 bytes, got a string")]
    [InlineData("""{"color": "BLUE"}""", "$.color: is not a value of bff.test.v1.Color (one of: COLOR_UNSPECIFIED, RED, GREEN)")]
    [InlineData("""{"inner": []}""", "$.inner: expected an object (bff.test.v1.Inner), got an array")]
    [InlineData("""{"int32s": 1}""", "$.int32s: expected an array, got a number")]
    [InlineData("""{"int32s": [1, null]}""", "$.int32s[1]: null is not allowed in a repeated field")]
    [InlineData("""{"inners": [{}, {"value": "x"}]}""", "$.inners[1].value: expected int32, got a value that is not an integer")]
    [InlineData("""{"inner": {"child": {"size": 1}}}""", "$.inner.child.size: is not a field of bff.test.v1.Inner")]
    [InlineData("""{"anInt32": 1, "an_int32": 2}""", "$.an_int32: is given twice (by JSON name and proto name, or repeated)")]
    [InlineData("""[1]""", "$: expected an object (bff.test.v1.AllTypes), got an array")]
    public void Input_that_does_not_fit_the_message_is_refused_naming_the_field(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        var ok = ProtoJsonReader.TryConvert(document.RootElement, AllTypes.Descriptor, out var bytes, out var error);

        Assert.False(ok);
        Assert.Null(bytes);
        Assert.Equal(expected, error);
    }

    private static byte[] ToProtobuf(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(ProtoJsonReader.TryConvert(document.RootElement, AllTypes.Descriptor, out var bytes, out var error), error);
        return bytes;
    }

    private static string ToJson(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Assert.True(ProtoJsonWriter.TryWrite(bytes, AllTypes.Descriptor, writer, out var error), error);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static AllTypes Sample(string name) => name switch
    {
        "full" => new AllTypes
        {
            AnInt32 = -42,
            AnInt64 = -9_000_000_000,
            AUint32 = 42,
            AUint64 = 9_000_000_000,
            ASint32 = -7,
            ASint64 = -70_000_000_000,
            AFixed32 = 7,
            AFixed64 = 70_000_000_000,
            AnSfixed32 = -8,
            AnSfixed64 = -80_000_000_000,
            AFloat = 1.25f,
            ADouble = 3.141592653589793,
            ABool = true,
            AString = "héllo \"quoted\" \u2603",
            SomeBytes = ByteString.CopyFromUtf8("bytes\0here"),
            Color = Color.Red,
            Inner = new Inner { Name = "outer", Value = 1, Child = new Inner { Name = "inner", Value = 2 } },
            Int32S = { 1, -2, 3 },
            Int64S = { long.MinValue, 0, long.MaxValue },
            Doubles = { 0.1, -2.5e-300, 1e300 },
            Strings = { "a", "", "c" },
            BytesList = { ByteString.CopyFrom(1, 2), ByteString.Empty },
            Colors = { Color.Green, Color.Red },
            Inners = { new Inner { Name = "x" }, new Inner { Value = 9 } },
            Bools = { true, false, true },
            Floats = { 0.5f, -1e-10f },
            Uint64S = { ulong.MaxValue, 1 },
            Sint64S = { -1, 1 },
            Fixed32S = { uint.MaxValue, 0 },
        },
        "extremes" => new AllTypes
        {
            AnInt32 = int.MinValue,
            AnInt64 = long.MinValue,
            AUint32 = uint.MaxValue,
            AUint64 = ulong.MaxValue,
            ASint32 = int.MaxValue,
            ASint64 = long.MinValue,
            AFixed32 = uint.MaxValue,
            AFixed64 = ulong.MaxValue,
            AnSfixed32 = int.MinValue,
            AnSfixed64 = long.MaxValue,
            AFloat = float.MaxValue,
            ADouble = double.Epsilon,
        },
        "non-finite" => new AllTypes
        {
            AFloat = float.PositiveInfinity,
            ADouble = double.NaN,
            Doubles = { double.NegativeInfinity, double.PositiveInfinity },
            Floats = { float.NaN },
        },
        _ => new AllTypes(),
    };
}
