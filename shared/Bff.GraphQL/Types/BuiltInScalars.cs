using System.Globalization;
using Bff.GraphQL.Language;

namespace Bff.GraphQL.Types;

/// <summary>The five built-in scalars (spec 3.5.1-3.5.5) with graphql-js's coercion rules and messages.</summary>
public static class BuiltInScalars
{
    public static ScalarType Int { get; } = Create(
        "Int",
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
        SerializeInt,
        ParseIntValue,
        ParseIntLiteral);

    public static ScalarType Float { get; } = Create(
        "Float",
        "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
        SerializeFloat,
        ParseFloatValue,
        v => v switch
        {
            IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
            FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
            _ => throw new GraphQLException($"Float cannot represent non numeric value: {Printer.Print(v)}"),
        });

    public static ScalarType String { get; } = Create(
        "String",
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
        v => v switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            Enum e => e.ToString(),
            IFormattable f when IsNumber(v) => f.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new GraphQLException($"String cannot represent value: {Inspect.Value(v)}"),
        },
        v => v is string s ? s : throw new GraphQLException($"String cannot represent a non string value: {Inspect.Value(v)}"),
        v => v is StringValueNode s ? s.Value : throw new GraphQLException($"String cannot represent a non string value: {Printer.Print(v)}"));

    public static ScalarType Boolean { get; } = Create(
        "Boolean",
        "The `Boolean` scalar type represents `true` or `false`.",
        v => v switch
        {
            bool b => b,
            int i => i != 0,
            long l => l != 0,
            double d when double.IsFinite(d) => d != 0,
            _ => throw new GraphQLException($"Boolean cannot represent a non boolean value: {Inspect.Value(v)}"),
        },
        v => v is bool b ? b : throw new GraphQLException($"Boolean cannot represent a non boolean value: {Inspect.Value(v)}"),
        v => v is BooleanValueNode b ? b.Value : throw new GraphQLException($"Boolean cannot represent a non boolean value: {Printer.Print(v)}"));

    public static ScalarType ID { get; } = Create(
        "ID",
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
        v => v switch
        {
            string s => s,
            int or long or short or byte or uint or ulong => ((IFormattable)v).ToString(null, CultureInfo.InvariantCulture),
            Guid g => g.ToString(),
            _ => throw new GraphQLException($"ID cannot represent value: {Inspect.Value(v)}"),
        },
        v => v switch
        {
            string s => s,
            int or long => ((IFormattable)v).ToString(null, CultureInfo.InvariantCulture),
            double d when double.IsInteger(d) => d.ToString("R", CultureInfo.InvariantCulture),
            _ => throw new GraphQLException($"ID cannot represent value: {Inspect.Value(v)}"),
        },
        v => v switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new GraphQLException($"ID cannot represent a non-string and non-integer value: {Printer.Print(v)}"),
        });

    /// <summary>All five, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<ScalarType> All { get; } = [String, Int, Float, Boolean, ID];

    private static ScalarType Create(string name, string description, Func<object, object?> serialize, Func<object, object?> parseValue, Func<ValueNode, object?> parseLiteral)
        => new(name, description, serialize, parseValue, parseLiteral) { IsBuiltIn = true };

    private static bool IsNumber(object v) => v is int or long or short or byte or sbyte or uint or ulong or ushort or double or float or decimal;

    private static object SerializeInt(object v)
    {
        switch (v)
        {
            case int i:
                return i;
            case bool b:
                return b ? 1 : 0;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && s.Length > 0:
                return SerializeInt(parsed);
            default:
                if (!IsNumber(v))
                {
                    throw new GraphQLException($"Int cannot represent non-integer value: {Inspect.Value(v)}");
                }

                var d = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                if (!double.IsInteger(d))
                {
                    throw new GraphQLException($"Int cannot represent non-integer value: {Inspect.Value(v)}");
                }

                if (d is > int.MaxValue or < int.MinValue)
                {
                    throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(v)}");
                }

                return (int)d;
        }
    }

    private static object ParseIntValue(object v)
    {
        switch (v)
        {
            case int i:
                return i;
            case long l when l is >= int.MinValue and <= int.MaxValue:
                return (int)l;
            case long:
                throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(v)}");
            case double d when double.IsInteger(d):
                if (d is > int.MaxValue or < int.MinValue)
                {
                    throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(v)}");
                }

                return (int)d;
            default:
                throw new GraphQLException($"Int cannot represent non-integer value: {Inspect.Value(v)}");
        }
    }

    private static object ParseIntLiteral(ValueNode v)
    {
        if (v is not IntValueNode i)
        {
            throw new GraphQLException($"Int cannot represent non-integer value: {Printer.Print(v)}");
        }

        if (!int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {i.Value}");
        }

        return n;
    }

    private static object SerializeFloat(object v)
    {
        switch (v)
        {
            case double d when double.IsFinite(d):
                return d;
            case bool b:
                return b ? 1d : 0d;
            case string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                if (IsNumber(v))
                {
                    var d = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                    if (double.IsFinite(d))
                    {
                        return d;
                    }
                }

                throw new GraphQLException($"Float cannot represent non numeric value: {Inspect.Value(v)}");
        }
    }

    private static object ParseFloatValue(object v) => v switch
    {
        double d when double.IsFinite(d) => d,
        long l => (double)l,
        int i => (double)i,
        _ => throw new GraphQLException($"Float cannot represent non numeric value: {Inspect.Value(v)}"),
    };
}
