namespace Bff.GraphQL.Language;

internal ref partial struct Utf8GraphQLParser
{
    // TypeSystemDefinition : SchemaDefinition | TypeDefinition | DirectiveDefinition (spec 3)
    private DefinitionNode ParseTypeSystemDefinition(bool hasDescription)
    {
        var start = Begin();
        var description = hasDescription ? ParseStringLiteral() : null;
        if (!Peek(TokenKind.Name))
        {
            throw Unexpected();
        }

        if (SkipKeyword("schema"u8))
        {
            var directives = ParseDirectives(true);
            var ops = Many(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseOperationTypeDefinition(), TokenKind.RightBrace);
            return new SchemaDefinitionNode(description, directives, ops, Finish(start));
        }

        if (SkipKeyword("scalar"u8))
        {
            var name = ParseName();
            return new ScalarTypeDefinitionNode(description, name, ParseDirectives(true), Finish(start));
        }

        if (SkipKeyword("type"u8))
        {
            var name = ParseName();
            var interfaces = ParseImplementsInterfaces();
            var directives = ParseDirectives(true);
            var fields = ParseFieldsDefinition();
            return new ObjectTypeDefinitionNode(description, name, directives, interfaces, fields, Finish(start));
        }

        if (SkipKeyword("interface"u8))
        {
            var name = ParseName();
            var interfaces = ParseImplementsInterfaces();
            var directives = ParseDirectives(true);
            var fields = ParseFieldsDefinition();
            return new InterfaceTypeDefinitionNode(description, name, directives, interfaces, fields, Finish(start));
        }

        if (SkipKeyword("union"u8))
        {
            var name = ParseName();
            var directives = ParseDirectives(true);
            var types = ParseUnionMembers();
            return new UnionTypeDefinitionNode(description, name, directives, types, Finish(start));
        }

        if (SkipKeyword("enum"u8))
        {
            var name = ParseName();
            var directives = ParseDirectives(true);
            var values = OptionalMany(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseEnumValueDefinition(), TokenKind.RightBrace);
            return new EnumTypeDefinitionNode(description, name, directives, values, Finish(start));
        }

        if (SkipKeyword("input"u8))
        {
            var name = ParseName();
            var directives = ParseDirectives(true);
            var fields = OptionalMany(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseInputValueDefinition(), TokenKind.RightBrace);
            return new InputObjectTypeDefinitionNode(description, name, directives, fields, Finish(start));
        }

        if (SkipKeyword("directive"u8))
        {
            Expect(TokenKind.At);
            var name = ParseName();
            var arguments = ParseArgumentDefinitions();
            var repeatable = SkipKeyword("repeatable"u8);
            ExpectKeyword("on"u8, "on");
            var locations = ParseDirectiveLocations();
            return new DirectiveDefinitionNode(description, name, arguments, repeatable, locations, Finish(start));
        }

        throw Unexpected();
    }

    // TypeSystemExtension : SchemaExtension | TypeExtension (spec 3.1, 3.4.3)
    private DefinitionNode ParseTypeSystemExtension()
    {
        var start = Begin();
        ExpectKeyword("extend"u8, "extend");
        if (SkipKeyword("schema"u8))
        {
            var directives = ParseDirectives(true);
            var ops = OptionalMany(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseOperationTypeDefinition(), TokenKind.RightBrace);
            if (directives.Count == 0 && ops.Count == 0)
            {
                throw Unexpected();
            }

            return new SchemaExtensionNode(directives, ops, Finish(start));
        }

        if (SkipKeyword("scalar"u8))
        {
            var name = ParseName();
            var directives = ParseDirectives(true);
            if (directives.Count == 0)
            {
                throw Unexpected();
            }

            return new ScalarTypeExtensionNode(name, directives, Finish(start));
        }

        if (SkipKeyword("type"u8) || IsKeyword("interface"u8))
        {
            var isInterface = SkipKeyword("interface"u8);
            var name = ParseName();
            var interfaces = ParseImplementsInterfaces();
            var directives = ParseDirectives(true);
            var fields = ParseFieldsDefinition();
            if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
            {
                throw Unexpected();
            }

            return isInterface
                ? new InterfaceTypeExtensionNode(name, directives, interfaces, fields, Finish(start))
                : new ObjectTypeExtensionNode(name, directives, interfaces, fields, Finish(start));
        }

        if (SkipKeyword("union"u8))
        {
            var name = ParseName();
            var directives = ParseDirectives(true);
            var types = ParseUnionMembers();
            if (directives.Count == 0 && types.Count == 0)
            {
                throw Unexpected();
            }

            return new UnionTypeExtensionNode(name, directives, types, Finish(start));
        }

        if (SkipKeyword("enum"u8))
        {
            var name = ParseName();
            var directives = ParseDirectives(true);
            var values = OptionalMany(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseEnumValueDefinition(), TokenKind.RightBrace);
            if (directives.Count == 0 && values.Count == 0)
            {
                throw Unexpected();
            }

            return new EnumTypeExtensionNode(name, directives, values, Finish(start));
        }

        if (SkipKeyword("input"u8))
        {
            var name = ParseName();
            var directives = ParseDirectives(true);
            var fields = OptionalMany(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseInputValueDefinition(), TokenKind.RightBrace);
            if (directives.Count == 0 && fields.Count == 0)
            {
                throw Unexpected();
            }

            return new InputObjectTypeExtensionNode(name, directives, fields, Finish(start));
        }

        throw Unexpected();
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = Begin();
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(operation, type, Finish(start));
    }

    // ImplementsInterfaces : implements &? NamedType (& NamedType)*
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!SkipKeyword("implements"u8))
        {
            return [];
        }

        var list = new List<NamedTypeNode>();
        Skip(TokenKind.Ampersand);
        do
        {
            list.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Ampersand));
        return list;
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMembers()
    {
        if (!Skip(TokenKind.EqualsSign))
        {
            return [];
        }

        var list = new List<NamedTypeNode>();
        Skip(TokenKind.Pipe);
        do
        {
            list.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Pipe));
        return list;
    }

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
        => OptionalMany(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseFieldDefinition(), TokenKind.RightBrace);

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = Begin();
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(true);
        return new FieldDefinitionNode(description, name, arguments, type, directives, Finish(start));
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions()
    {
        if (!Peek(TokenKind.LeftParen))
        {
            return [];
        }

        return Many(TokenKind.LeftParen, static (ref Utf8GraphQLParser p) => p.ParseInputValueDefinition(), TokenKind.RightParen);
    }

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = Begin();
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (Skip(TokenKind.EqualsSign))
        {
            defaultValue = ParseValueLiteral(true);
        }

        var directives = ParseDirectives(true);
        return new InputValueDefinitionNode(description, name, type, defaultValue, directives, Finish(start));
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = Begin();
        var description = ParseDescription();
        if (IsKeyword("true"u8) || IsKeyword("false"u8) || IsKeyword("null"u8))
        {
            throw _lexer.Error($"{_lexer.DescribeCurrent()} is reserved and cannot be used for an enum value.", _lexer.Start);
        }

        var name = ParseName();
        var directives = ParseDirectives(true);
        return new EnumValueDefinitionNode(description, name, directives, Finish(start));
    }

    private StringValueNode? ParseDescription()
        => Peek(TokenKind.String) || Peek(TokenKind.BlockString) ? ParseStringLiteral() : null;

    private List<string> ParseDirectiveLocations()
    {
        var list = new List<string>();
        Skip(TokenKind.Pipe);
        do
        {
            var start = _lexer.Start;
            var name = ParseName();
            if (!DirectiveLocations.IsValid(name))
            {
                throw _lexer.Error($"Unexpected Name \"{name}\".", start);
            }

            list.Add(name);
        }
        while (Skip(TokenKind.Pipe));
        return list;
    }
}
