namespace Bff.GraphQL.Language;

internal ref partial struct Utf8GraphQLParser
{
    // OperationDefinition : OperationType Name? VariableDefinitions? Directives? SelectionSet | SelectionSet (spec 2.3)
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = Begin();
        if (Peek(TokenKind.LeftBrace))
        {
            var set = ParseSelectionSet();
            return new OperationDefinitionNode(OperationType.Query, null, [], [], set, Finish(start));
        }

        var operation = ParseOperationType();
        string? name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = OptionalMany(TokenKind.LeftParen, static (ref Utf8GraphQLParser p) => p.ParseVariableDefinition(), TokenKind.RightParen);
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode(operation, name, variables, directives, selectionSet, Finish(start));
    }

    private OperationType ParseOperationType()
    {
        if (SkipKeyword("query"u8))
        {
            return OperationType.Query;
        }

        if (SkipKeyword("mutation"u8))
        {
            return OperationType.Mutation;
        }

        if (SkipKeyword("subscription"u8))
        {
            return OperationType.Subscription;
        }

        throw Unexpected();
    }

    // VariableDefinition : Variable : Type DefaultValue? Directives[Const]? (spec 2.10)
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = Begin();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (Skip(TokenKind.EqualsSign))
        {
            defaultValue = ParseValueLiteral(true);
        }

        var directives = ParseDirectives(true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives, Finish(start));
    }

    private VariableNode ParseVariable()
    {
        var start = Begin();
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode(name, Finish(start));
    }

    // SelectionSet : { Selection+ } (spec 2.4)
    private SelectionSetNode ParseSelectionSet()
    {
        EnterNesting();
        var start = Begin();
        var selections = Many(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseSelection(), TokenKind.RightBrace);
        LeaveNesting();
        return new SelectionSetNode(selections, Finish(start));
    }

    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    // Field : Alias? Name Arguments? Directives? SelectionSet? (spec 2.5)
    private FieldNode ParseField()
    {
        var start = Begin();
        var nameOrAlias = ParseName();
        string? alias = null;
        string name;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(false);
        var directives = ParseDirectives(false);
        var selectionSet = Peek(TokenKind.LeftBrace) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet, Finish(start));
    }

    // Arguments : ( Argument+ ) (spec 2.6)
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!Peek(TokenKind.LeftParen))
        {
            return [];
        }

        return isConst
            ? Many(TokenKind.LeftParen, static (ref Utf8GraphQLParser p) => p.ParseArgument(true), TokenKind.RightParen)
            : Many(TokenKind.LeftParen, static (ref Utf8GraphQLParser p) => p.ParseArgument(false), TokenKind.RightParen);
    }

    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = Begin();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode(name, value, Finish(start));
    }
}
