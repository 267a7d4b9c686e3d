using System.Text;

namespace Bff.GraphQL.Language;

/// <summary>
/// A small lossy intern table for names, so parsing the same documents again and again does not
/// allocate a string per name. Slots are overwritten on collision; reference writes are atomic, so no lock.
/// </summary>
internal static class NameCache
{
    private const int Size = 4096;
    private static readonly string?[] Slots = new string?[Size];

    public static string Get(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > 64)
        {
            return Encoding.UTF8.GetString(ascii);
        }

        uint hash = 2166136261;
        foreach (var b in ascii)
        {
            hash = (hash ^ b) * 16777619;
        }

        ref var slot = ref Slots[hash & (Size - 1)];
        var existing = slot;
        if (existing is not null && Matches(existing, ascii))
        {
            return existing;
        }

        var created = Encoding.UTF8.GetString(ascii);
        slot = created;
        return created;
    }

    private static bool Matches(string s, ReadOnlySpan<byte> ascii)
    {
        if (s.Length != ascii.Length)
        {
            return false;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            if (s[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }
}
