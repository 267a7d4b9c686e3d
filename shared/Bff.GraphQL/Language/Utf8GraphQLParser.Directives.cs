namespace Bff.GraphQL.Language;

internal ref partial struct Utf8GraphQLParser
{
    // Directives[Const] : Directive[?Const]+ ; Directive : @ Name Arguments? (spec 2.12)
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var list = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = Begin();
            _lexer.Next();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            list.Add(new DirectiveNode(name, arguments, Finish(start)));
        }

        return list;
    }
}
