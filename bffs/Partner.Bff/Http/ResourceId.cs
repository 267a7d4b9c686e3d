using System.Globalization;

namespace Partner.Bff.Http;

/// <summary>Ids in paths: positive 32-bit integers written in plain digits (<c>+1</c>, <c>1e3</c>, <c>0</c> are not ids).</summary>
internal static class ResourceId
{
    public static bool TryParse(string? text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
