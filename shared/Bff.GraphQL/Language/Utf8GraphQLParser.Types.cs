namespace Bff.GraphQL.Language;

internal ref partial struct Utf8GraphQLParser
{
    // Type : NamedType | ListType | NonNullType (spec 2.11)
    private TypeNode ParseTypeReference()
    {
        var start = Begin();
        TypeNode type;
        if (Skip(TokenKind.LeftBracket))
        {
            EnterNesting();
            var inner = ParseTypeReference();
            Expect(TokenKind.RightBracket);
            LeaveNesting();
            type = new ListTypeNode(inner, Finish(start));
        }
        else
        {
            type = ParseNamedType();
        }

        if (Skip(TokenKind.Bang))
        {
            return new NonNullTypeNode(type, Finish(start));
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = Begin();
        var name = ParseName();
        return new NamedTypeNode(name, Finish(start));
    }
}
