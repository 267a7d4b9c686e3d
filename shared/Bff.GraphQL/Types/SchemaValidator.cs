namespace Bff.GraphQL.Types;

/// <summary>The type system validation of spec section 3 (graphql-js validateSchema), run by <see cref="SchemaBuilder.Build"/>.</summary>
internal static class SchemaValidator
{
    public static List<string> Validate(Schema schema)
    {
        var errors = new List<string>();
        foreach (var type in schema.Types)
        {
            if (!type.IsBuiltIn && type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                errors.Add($"Name \"{type.Name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
            }

            switch (type)
            {
                case ObjectType o:
                    ValidateFields(o, errors);
                    ValidateInterfaces(schema, o, errors);
                    break;
                case InterfaceType i:
                    ValidateFields(i, errors);
                    ValidateInterfaces(schema, i, errors);
                    break;
                case UnionType u when u.Types.Count == 0:
                    errors.Add($"Union type {u.Name} must define one or more member types.");
                    break;
                case EnumType e:
                    if (e.Values.Count == 0)
                    {
                        errors.Add($"Enum type {e.Name} must define one or more values.");
                    }

                    foreach (var v in e.Values)
                    {
                        if (v.Name is "true" or "false" or "null")
                        {
                            errors.Add($"Enum type {e.Name} cannot include value: {v.Name}.");
                        }
                    }

                    break;
                case InputObjectType input:
                    ValidateInputObject(input, errors);
                    break;
            }
        }

        ValidateInputCycles(schema, errors);
        return errors;
    }

    private static void ValidateFields(IComplexOutputType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            if (!field.Type.IsOutputType)
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            foreach (var arg in field.Arguments)
            {
                if (!arg.Type.IsInputType)
                {
                    errors.Add($"The type of {type.Name}.{field.Name}({arg.Name}:) must be Input Type but got: {arg.Type}.");
                }

                if (arg.IsDeprecated && arg.Type.IsNonNull && !arg.HasDefaultValue)
                {
                    errors.Add($"Required argument {type.Name}.{field.Name}({arg.Name}:) cannot be deprecated.");
                }
            }
        }
    }

    private static void ValidateInterfaces(Schema schema, IComplexOutputType type, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            if (!seen.Add(iface.Name))
            {
                errors.Add($"Type {type.Name} can only implement {iface.Name} once.");
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    errors.Add(ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
                }
            }

            foreach (var ifaceField in iface.Fields)
            {
                if (!type.Fields.TryGet(ifaceField.Name, out var field))
                {
                    errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.");
                    continue;
                }

                if (!IsTypeSubTypeOf(schema, field.Type, ifaceField.Type))
                {
                    errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.");
                }

                foreach (var ifaceArg in ifaceField.Arguments)
                {
                    if (!field.Arguments.TryGet(ifaceArg.Name, out var arg))
                    {
                        errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expected but {type.Name}.{field.Name} does not provide it.");
                    }
                    else if (!arg.Type.IsSameType(ifaceArg.Type))
                    {
                        errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{field.Name}({arg.Name}:) is type {arg.Type}.");
                    }
                }

                foreach (var arg in field.Arguments)
                {
                    if (!ifaceField.Arguments.Contains(arg.Name) && arg.Type.IsNonNull && !arg.HasDefaultValue)
                    {
                        errors.Add($"Argument \"{type.Name}.{field.Name}({arg.Name}:)\" must not be required type \"{arg.Type}\" if not provided by the Interface field \"{iface.Name}.{ifaceField.Name}\".");
                    }
                }
            }
        }
    }

    /// <summary>IsValidImplementationFieldType (spec 3.6.1): covariant output types.</summary>
    internal static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSub, GraphQLType super)
    {
        if (ReferenceEquals(maybeSub, super))
        {
            return true;
        }

        if (super is NonNullType sn)
        {
            return maybeSub is NonNullType mn && IsTypeSubTypeOf(schema, mn.OfType, sn.OfType);
        }

        if (maybeSub is NonNullType m)
        {
            return IsTypeSubTypeOf(schema, m.OfType, super);
        }

        if (super is ListType sl)
        {
            return maybeSub is ListType ml && IsTypeSubTypeOf(schema, ml.OfType, sl.OfType);
        }

        if (maybeSub is ListType)
        {
            return false;
        }

        return super.IsAbstract && (maybeSub.Kind is TypeKind.Object or TypeKind.Interface) && schema.IsSubType((NamedType)super, (NamedType)maybeSub);
    }

    private static void ValidateInputObject(InputObjectType input, List<string> errors)
    {
        if (input.Fields.Count == 0)
        {
            errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }

        foreach (var field in input.Fields)
        {
            if (!field.Type.IsInputType)
            {
                errors.Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }

            if (field.IsDeprecated && field.Type.IsNonNull && !field.HasDefaultValue)
            {
                errors.Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.");
            }

            if (input.IsOneOf)
            {
                if (field.Type.IsNonNull)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
                }

                if (field.HasDefaultValue)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
                }
            }
        }
    }

    // Input objects may not reference themselves through a chain of non-null, non-list fields.
    private static void ValidateInputCycles(Schema schema, List<string> errors)
    {
        var visited = new HashSet<InputObjectType>();
        foreach (var input in schema.Types.OfType<InputObjectType>())
        {
            var path = new List<string>();
            var onPath = new HashSet<InputObjectType>();
            Visit(input);

            void Visit(InputObjectType type)
            {
                if (!visited.Add(type))
                {
                    return;
                }

                onPath.Add(type);
                foreach (var field in type.Fields)
                {
                    if (field.Type is NonNullType { OfType: InputObjectType target })
                    {
                        path.Add(field.Name);
                        if (onPath.Contains(target))
                        {
                            errors.Add($"Cannot reference Input Object \"{target.Name}\" within itself through a series of non-null fields: \"{string.Join(".", path)}\".");
                        }
                        else
                        {
                            Visit(target);
                        }

                        path.RemoveAt(path.Count - 1);
                    }
                }

                onPath.Remove(type);
            }
        }
    }
}
