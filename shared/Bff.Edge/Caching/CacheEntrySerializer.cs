using System.Text;
using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Caching;

/// <summary>
/// The shared tier's binary form of a <see cref="CacheEntry"/>. A version byte leads, so instances running another
/// format read a miss instead of garbage.
/// </summary>
internal static class CacheEntrySerializer
{
    private const byte Version = 1;
    private const byte KindAnswer = 1;
    private const byte KindVary = 2;

    public static byte[] Serialize(CacheEntry entry)
    {
        using var stream = new MemoryStream(entry.Body.Length + 512);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(entry.IsVaryMarker ? KindVary : KindAnswer);
            writer.Write(entry.StoredAt.UtcTicks);
            writer.Write(entry.ExpiresAt.UtcTicks);
            if (entry.VaryHeaders is { } vary)
            {
                writer.Write(vary.Length);
                foreach (var name in vary)
                {
                    writer.Write(name);
                }
            }
            else
            {
                writer.Write(entry.StatusCode);
                writer.Write(entry.InitialAge);
                writer.Write(entry.Headers.Length);
                foreach (var (name, values) in entry.Headers)
                {
                    writer.Write(name);
                    writer.Write(values.Count);
                    foreach (var value in values)
                    {
                        writer.Write(value ?? string.Empty);
                    }
                }

                writer.Write(entry.Body.Length);
                writer.Write(entry.Body);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads an entry; false for another version or a damaged value (treated as a miss).</summary>
    public static bool TryDeserialize(byte[] data, out CacheEntry? entry)
    {
        entry = null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return false;
            }

            var kind = reader.ReadByte();
            var storedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var expiresAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            if (kind == KindVary)
            {
                var names = new string[reader.ReadInt32()];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = reader.ReadString();
                }

                entry = CacheEntry.VaryMarker(names, storedAt, expiresAt);
                return true;
            }

            if (kind != KindAnswer)
            {
                return false;
            }

            var status = reader.ReadInt32();
            var initialAge = reader.ReadInt64();
            var headers = new KeyValuePair<string, StringValues>[reader.ReadInt32()];
            for (var i = 0; i < headers.Length; i++)
            {
                var name = reader.ReadString();
                var values = new string[reader.ReadInt32()];
                for (var v = 0; v < values.Length; v++)
                {
                    values[v] = reader.ReadString();
                }

                headers[i] = new(name, values.Length == 1 ? new StringValues(values[0]) : new StringValues(values));
            }

            var length = reader.ReadInt32();
            var body = reader.ReadBytes(length);
            if (body.Length != length)
            {
                return false;
            }

            entry = new CacheEntry(status, headers, body, storedAt, expiresAt, initialAge);
            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentOutOfRangeException or OverflowException or FormatException)
        {
            return false;
        }
    }
}
