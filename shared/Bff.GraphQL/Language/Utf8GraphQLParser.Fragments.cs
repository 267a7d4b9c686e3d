namespace Bff.GraphQL.Language;

internal ref partial struct Utf8GraphQLParser
{
    // FragmentSpread : ... FragmentName Directives?   InlineFragment : ... TypeCondition? Directives? SelectionSet (spec 2.8)
    private SelectionNode ParseFragment()
    {
        var start = Begin();
        Expect(TokenKind.Spread);
        var hasTypeCondition = IsKeyword("on"u8);
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseName();
            var spreadDirectives = ParseDirectives(false);
            return new FragmentSpreadNode(name, spreadDirectives, Finish(start));
        }

        NamedTypeNode? typeCondition = null;
        if (hasTypeCondition)
        {
            _lexer.Next();
            typeCondition = ParseNamedType();
        }

        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode(typeCondition, directives, selectionSet, Finish(start));
    }

    // FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet; FragmentName : Name but not on
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = Begin();
        ExpectKeyword("fragment"u8, "fragment");
        if (IsKeyword("on"u8))
        {
            throw Unexpected();
        }

        var name = ParseName();
        ExpectKeyword("on"u8, "on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(name, typeCondition, directives, selectionSet, Finish(start));
    }
}
