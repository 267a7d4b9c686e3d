using System.Text;

namespace Bff.GraphQL.Language;

internal ref partial struct Utf8GraphQLParser
{
    // Value[Const] (spec 2.9): Variable (not in const) | Int | Float | String | Boolean | Null | Enum | List | Object
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var start = Begin();
        switch (_lexer.Kind)
        {
            case TokenKind.LeftBracket:
                return ParseList(isConst);
            case TokenKind.LeftBrace:
                return ParseObject(isConst);
            case TokenKind.Int:
            {
                var value = Encoding.ASCII.GetString(_lexer.Raw);
                _lexer.Next();
                return new IntValueNode(value, Finish(start));
            }

            case TokenKind.Float:
            {
                var value = Encoding.ASCII.GetString(_lexer.Raw);
                _lexer.Next();
                return new FloatValueNode(value, Finish(start));
            }

            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
            {
                if (IsKeyword("true"u8) || IsKeyword("false"u8))
                {
                    var b = IsKeyword("true"u8);
                    _lexer.Next();
                    return new BooleanValueNode(b, Finish(start));
                }

                if (IsKeyword("null"u8))
                {
                    _lexer.Next();
                    return new NullValueNode(Finish(start));
                }

                var name = ParseName();
                return new EnumValueNode(name, Finish(start));
            }

            case TokenKind.Dollar:
                if (isConst)
                {
                    _lexer.Next();
                    if (Peek(TokenKind.Name))
                    {
                        var varName = Encoding.ASCII.GetString(_lexer.Raw);
                        throw _lexer.Error($"Unexpected variable \"${varName}\" in constant value.", start.Start);
                    }

                    throw Unexpected();
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var start = Begin();
        var block = _lexer.Kind == TokenKind.BlockString;
        var value = _lexer.StringValue!;
        _lexer.Next();
        return new StringValueNode(value, block, Finish(start));
    }

    private ListValueNode ParseList(bool isConst)
    {
        EnterNesting();
        var start = Begin();
        var values = isConst
            ? OptionalMany(TokenKind.LeftBracket, static (ref Utf8GraphQLParser p) => p.ParseValueLiteral(true), TokenKind.RightBracket)
            : OptionalMany(TokenKind.LeftBracket, static (ref Utf8GraphQLParser p) => p.ParseValueLiteral(false), TokenKind.RightBracket);
        LeaveNesting();
        return new ListValueNode(values, Finish(start));
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        EnterNesting();
        var start = Begin();
        var fields = isConst
            ? OptionalMany(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseObjectField(true), TokenKind.RightBrace)
            : OptionalMany(TokenKind.LeftBrace, static (ref Utf8GraphQLParser p) => p.ParseObjectField(false), TokenKind.RightBrace);
        LeaveNesting();
        return new ObjectValueNode(fields, Finish(start));
    }

    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = Begin();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode(name, value, Finish(start));
    }
}
