using System.Globalization;

namespace Mobile.Bff.Http;

/// <summary>Ids in paths and in the edge's subject: positive 32-bit integers written in plain digits.</summary>
internal static class ResourceId
{
    public static bool TryParse(string? text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
