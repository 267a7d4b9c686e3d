using System.Globalization;
using System.Text.Json;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;

namespace Bff.GraphQL.Execution;

/// <summary>Input coercion (spec 3.5 / 3.10 Input Coercion, 6.4.1 CoerceArgumentValues) for literals and variable values.</summary>
public static class ValueCoercion
{
    /// <summary>Sentinel for "no value" (an absent variable), distinct from an explicit null.</summary>
    internal static readonly object Undefined = new();

    /// <summary>Coerces a literal to the internal value of <paramref name="type"/>; throws <see cref="GraphQLException"/> if it is invalid.</summary>
    public static object? CoerceLiteral(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        ArgumentNullException.ThrowIfNull(literal);
        ArgumentNullException.ThrowIfNull(type);
        var value = CoerceLiteralOrUndefined(literal, type, variables);
        return value == Undefined ? null : value;
    }

    private static object? CoerceLiteralOrUndefined(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name, out var v))
            {
                return Undefined;
            }

            if (v is null && type.IsNonNull)
            {
                throw new GraphQLException($"Variable \"${variable.Name}\" of non-null type \"{type}\" must not be null.");
            }

            return v;
        }

        if (type is NonNullType nonNull)
        {
            if (literal is NullValueNode)
            {
                throw new GraphQLException($"Expected value of non-null type \"{type}\" not to be null.");
            }

            return CoerceLiteralOrUndefined(literal, nonNull.OfType, variables);
        }

        if (literal is NullValueNode)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (literal is ListValueNode items)
                {
                    var result = new List<object?>(items.Values.Count);
                    foreach (var item in items.Values)
                    {
                        var coerced = CoerceLiteralOrUndefined(item, list.OfType, variables);
                        if (coerced == Undefined)
                        {
                            if (list.OfType.IsNonNull)
                            {
                                throw new GraphQLException($"Expected value of non-null type \"{list.OfType}\" not to be null.");
                            }

                            coerced = null;
                        }

                        result.Add(coerced);
                    }

                    return result;
                }

                var single = CoerceLiteralOrUndefined(literal, list.OfType, variables);
                return single == Undefined ? Undefined : new List<object?> { single };
            case InputObjectType input:
                return CoerceInputObjectLiteral(literal, input, variables);
            case EnumType enumType:
                if (literal is EnumValueNode e && enumType.Values.TryGet(e.Value, out var ev))
                {
                    return ev.Value;
                }

                throw new GraphQLException($"Value \"{Printer.Print(literal)}\" does not exist in \"{enumType.Name}\" enum.");
            case ScalarType scalar:
                return scalar.ParseLiteral(literal);
            default:
                throw new GraphQLException($"Type \"{type}\" is not an input type.");
        }
    }

    private static Dictionary<string, object?> CoerceInputObjectLiteral(ValueNode literal, InputObjectType input, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is not ObjectValueNode obj)
        {
            throw new GraphQLException($"Expected value of type \"{input.Name}\", found {Printer.Print(literal)}.");
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in input.Fields)
        {
            ObjectFieldNode? given = null;
            foreach (var f in obj.Fields)
            {
                if (f.Name == field.Name)
                {
                    given = f;
                    break;
                }
            }

            var value = given is null ? Undefined : CoerceLiteralOrUndefined(given.Value, field.Type, variables);
            if (value == Undefined)
            {
                if (field.HasDefaultValue)
                {
                    result[field.Name] = field.CoercedDefault;
                }
                else if (field.Type.IsNonNull)
                {
                    throw new GraphQLException($"Field \"{input.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.");
                }

                continue;
            }

            result[field.Name] = value;
        }

        foreach (var f in obj.Fields)
        {
            if (!input.Fields.Contains(f.Name))
            {
                throw new GraphQLException($"Field \"{f.Name}\" is not defined by type \"{input.Name}\".");
            }
        }

        if (input.IsOneOf)
        {
            CheckOneOf(input, result);
        }

        return result;
    }

    internal static void CheckOneOf(InputObjectType input, Dictionary<string, object?> value)
    {
        if (value.Count != 1)
        {
            throw new GraphQLException($"OneOf Input Object \"{input.Name}\" must specify exactly one key.");
        }

        foreach (var (key, v) in value)
        {
            if (v is null)
            {
                throw new GraphQLException($"Field \"{input.Name}.{key}\" must be non-null.");
            }
        }
    }

    /// <summary>
    /// Coerces a variable value given as JSON-shaped CLR data (see <see cref="JsonToClr"/>) to the internal value of <paramref name="type"/>.
    /// Errors name the path inside the value, as graphql-js does.
    /// </summary>
    public static object? CoerceInputValue(object? value, GraphQLType type, List<(string Path, string Message)> errors, string path = "")
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(errors);
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                errors.Add((path, $"Expected non-nullable type \"{type}\" not to be null."));
                return null;
            }

            return CoerceInputValue(value, nonNull.OfType, errors, path);
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (value is IList<object?> items)
                {
                    var result = new List<object?>(items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        result.Add(CoerceInputValue(items[i], list.OfType, errors, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                    }

                    return result;
                }

                return new List<object?> { CoerceInputValue(value, list.OfType, errors, path) };
            case InputObjectType input:
                if (value is not IReadOnlyDictionary<string, object?> map)
                {
                    errors.Add((path, $"Expected type \"{input.Name}\" to be an object."));
                    return null;
                }

                var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.HasDefaultValue)
                        {
                            coerced[field.Name] = field.CoercedDefault;
                        }
                        else if (field.Type.IsNonNull)
                        {
                            errors.Add((path, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided."));
                        }

                        continue;
                    }

                    coerced[field.Name] = CoerceInputValue(fieldValue, field.Type, errors, path + "." + field.Name);
                }

                foreach (var key in map.Keys)
                {
                    if (!input.Fields.Contains(key))
                    {
                        errors.Add((path, $"Field \"{key}\" is not defined by type \"{input.Name}\"."));
                    }
                }

                if (input.IsOneOf)
                {
                    try
                    {
                        CheckOneOf(input, coerced);
                    }
                    catch (GraphQLException ex)
                    {
                        errors.Add((path, ex.Message));
                    }
                }

                return coerced;
            case EnumType enumType:
                if (value is string s && enumType.Values.TryGet(s, out var ev))
                {
                    return ev.Value;
                }

                errors.Add((path, $"Value {Inspect.Value(value)} does not exist in \"{enumType.Name}\" enum."));
                return null;
            case ScalarType scalar:
                try
                {
                    return scalar.ParseValue(value);
                }
                catch (GraphQLException ex)
                {
                    errors.Add((path, ex.Message));
                    return null;
                }

            default:
                errors.Add((path, $"Type \"{type}\" is not an input type."));
                return null;
        }
    }

    /// <summary>Converts a <see cref="JsonElement"/> to plain CLR data: dictionaries, lists, string, long/double, bool, null.</summary>
    public static object? JsonToClr(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ObjectToClr(element),
        JsonValueKind.Array => element.EnumerateArray().Select(JsonToClr).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Dictionary<string, object?> ObjectToClr(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            map[p.Name] = JsonToClr(p.Value);
        }

        return map;
    }

    /// <summary>A literal as plain data without a type (graphql-js valueFromASTUntyped), used by custom scalars.</summary>
    public static object? LiteralToPlainValue(ValueNode literal) => literal switch
    {
        IntValueNode i => int.TryParse(i.Value, CultureInfo.InvariantCulture, out var n) ? n : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode l => l.Values.Select(LiteralToPlainValue).ToList(),
        ObjectValueNode o => o.Fields.ToDictionary(f => f.Name, f => LiteralToPlainValue(f.Value), StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>Converts an internal value to a literal of <paramref name="type"/> (graphql-js astFromValue), for default values.</summary>
    public static ValueNode AstFromValue(object? value, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type is NonNullType nn)
        {
            return AstFromValue(value, nn.OfType);
        }

        if (value is null)
        {
            return new NullValueNode(null);
        }

        switch (type)
        {
            case ListType list when value is System.Collections.IEnumerable e and not string:
                return new ListValueNode(e.Cast<object?>().Select(v => AstFromValue(v, list.OfType)).ToList(), null);
            case ListType list:
                return AstFromValue(value, list.OfType);
            case InputObjectType input when value is IReadOnlyDictionary<string, object?> map:
                return new ObjectValueNode(
                    input.Fields.Where(f => map.ContainsKey(f.Name)).Select(f => new ObjectFieldNode(f.Name, AstFromValue(map[f.Name], f.Type), null)).ToList(), null);
            case EnumType enumType:
                var ev = enumType.FindByValue(value) ?? throw new ArgumentException($"Value {value} is not in enum {enumType.Name}.", nameof(value));
                return new EnumValueNode(ev.Name, null);
            case ScalarType scalar:
                var serialized = scalar.Serialize(value);
                return serialized switch
                {
                    bool b => new BooleanValueNode(b, null),
                    int or long or short or byte => scalar.Name == "ID" ? new IntValueNode(Convert.ToString(serialized, CultureInfo.InvariantCulture)!, null) : new IntValueNode(Convert.ToString(serialized, CultureInfo.InvariantCulture)!, null),
                    double d when double.IsInteger(d) && scalar.Name != "Float" => new IntValueNode(d.ToString("R", CultureInfo.InvariantCulture), null),
                    double d => double.IsInteger(d) ? new IntValueNode(d.ToString("R", CultureInfo.InvariantCulture), null) : new FloatValueNode(d.ToString("R", CultureInfo.InvariantCulture), null),
                    string s when scalar.Name == "ID" && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _) && !s.StartsWith('0') => new IntValueNode(s, null),
                    string s => new StringValueNode(s, false, null),
                    _ => throw new ArgumentException($"Cannot convert value to AST: {Inspect.Value(serialized)}.", nameof(value)),
                };
            default:
                throw new ArgumentException($"Unknown type: {type}.", nameof(type));
        }
    }
}
