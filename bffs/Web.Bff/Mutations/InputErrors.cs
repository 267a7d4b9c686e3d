using System.Globalization;
using System.Text.RegularExpressions;
using Bff.Clients.Results;
using Bff.Contracts;
using Web.Bff.Errors;

namespace Web.Bff.Mutations;

/// <summary>Collects the user errors of one mutation input, and reads those a domain service found.</summary>
internal sealed partial class InputErrors
{
    public const string Invalid = "INVALID";

    private readonly List<UserError> _errors = [];

    public IReadOnlyList<UserError> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string message, string code, params string[] field) => _errors.Add(new UserError(["input", .. field], message, code));

    /// <summary>
    /// A 400 <c>invalid_body</c> as user errors: its <c>errors</c> keys (<c>items[1].productId</c>) become field paths
    /// under <c>input</c>; keys the input has no field for (<c>userId</c>, <c>$</c>) point at the whole input.
    /// </summary>
    public static IReadOnlyList<UserError>? FromUpstream(ServiceError error, ISet<string> inputFields, Func<string, string> codeOf)
    {
        if (error.Kind != ServiceErrorKind.BadRequest || error.Problem?.Code != ProblemCodes.InvalidBody || error.Problem.Errors is not { Count: > 0 } fields)
        {
            return null;
        }

        var result = new List<UserError>();
        foreach (var (key, messages) in fields)
        {
            var path = KeyPart().Matches(key).Select(m => m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["index"].Value).ToList();
            IReadOnlyList<string>? field = path.Count > 0 && inputFields.Contains(path[0]) ? ["input", .. path] : null;
            foreach (var message in messages)
            {
                result.Add(new UserError(field, message, codeOf(key)));
            }
        }

        return result;
    }

    public static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>[0-9]+)\]")]
    private static partial Regex KeyPart();
}
