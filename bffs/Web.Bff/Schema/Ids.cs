using System.Globalization;
using Web.Bff.Errors;

namespace Web.Bff.Schema;

/// <summary>Ids of the domain services are positive 32-bit integers; the schema carries them as <c>ID</c>.</summary>
internal static class Ids
{
    /// <summary>The id in <paramref name="raw"/>, or a BAD_USER_INPUT field error naming <paramref name="argument"/>.</summary>
    public static int Parse(object? raw, string argument)
    {
        var text = raw as string ?? Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
        if (text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        throw WebErrors.BadArgument(argument, $"Invalid id \"{Shorten(text)}\" for \"{argument}\": expected a positive integer.");
    }

    // The value comes from the caller: echo a bounded piece of it only.
    private static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "...";
}
