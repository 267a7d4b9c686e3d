namespace Bff.GraphQL.Language;

internal ref partial struct Utf8GraphQLParser
{
    // Document : Definition+ (spec 2.2)
    public DocumentNode ParseDocument()
    {
        var start = Begin();
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (!Peek(TokenKind.EndOfFile));
        return new DocumentNode(definitions, Finish(start));
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.LeftBrace))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = Peek(TokenKind.String) || Peek(TokenKind.BlockString);
        if (_lexer.Kind == TokenKind.Name || hasDescription)
        {
            if (!hasDescription)
            {
                if (IsKeyword("query"u8) || IsKeyword("mutation"u8) || IsKeyword("subscription"u8))
                {
                    return ParseOperationDefinition();
                }

                if (IsKeyword("fragment"u8))
                {
                    return ParseFragmentDefinition();
                }

                if (IsKeyword("extend"u8))
                {
                    return ParseTypeSystemExtension();
                }
            }

            return ParseTypeSystemDefinition(hasDescription);
        }

        throw Unexpected();
    }
}
