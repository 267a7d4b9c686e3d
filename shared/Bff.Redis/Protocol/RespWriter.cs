using System.Buffers;
using System.Buffers.Text;

namespace Bff.Redis;

/// <summary>Writes a command as a RESP2 array of bulk strings into the connection's pooled send buffer.</summary>
internal static class RespWriter
{
    public static void WriteCommand(IBufferWriter<byte> writer, RedisValue[] command)
    {
        WriteHeader(writer, (byte)'*', command.Length);
        foreach (var argument in command)
        {
            var length = argument.ByteCount;
            WriteHeader(writer, (byte)'$', length);
            var span = writer.GetSpan(length + 2);
            var written = argument.CopyTo(span);
            span[written] = (byte)'\r';
            span[written + 1] = (byte)'\n';
            writer.Advance(written + 2);
        }
    }

    private static void WriteHeader(IBufferWriter<byte> writer, byte type, long length)
    {
        var span = writer.GetSpan(24);
        span[0] = type;
        Utf8Formatter.TryFormat(length, span[1..], out var written);
        span[written + 1] = (byte)'\r';
        span[written + 2] = (byte)'\n';
        writer.Advance(written + 3);
    }
}
