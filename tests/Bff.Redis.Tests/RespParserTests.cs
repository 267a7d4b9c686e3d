using System.Buffers;
using System.Text;

namespace Bff.Redis.Tests;

public sealed class RespParserTests
{
    [Theory]
    [InlineData("+OK\r\n")]
    [InlineData(":-42\r\n")]
    [InlineData("$5\r\nhello\r\n")]
    [InlineData("*2\r\n*1\r\n$1\r\na\r\n:7\r\n")]
    [InlineData("$-1\r\n")]
    [InlineData("*-1\r\n")]
    public void Every_prefix_of_a_reply_is_incomplete_and_the_whole_is_complete(string wire)
    {
        var bytes = Encoding.ASCII.GetBytes(wire);
        for (var length = 0; length < bytes.Length; length++)
        {
            var partial = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.False(RespParser.TryRead(ref partial, out _), $"{length} bytes of '{wire}' parsed as complete");
        }

        var whole = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        Assert.True(RespParser.TryRead(ref whole, out _));
        Assert.Equal(0, whole.Remaining);
    }

    [Fact]
    public void Reply_split_across_segments_is_parsed()
    {
        var sequence = Segments("*2\r\n$5\r\nhe", "llo\r\n:1", "2\r\n");
        var reader = new SequenceReader<byte>(sequence);

        Assert.True(RespParser.TryRead(ref reader, out var reply));
        Assert.Equal("hello", reply[0].AsString());
        Assert.Equal(12, reply[1].AsInt64());
    }

    [Fact]
    public void Writer_frames_commands_as_arrays_of_bulk_strings()
    {
        var buffer = new ArrayBufferWriter<byte>();

        RespWriter.WriteCommand(buffer, ["SET", "ké", 42L, new byte[] { 0, 1 }]);

        Assert.Equal("*4\r\n$3\r\nSET\r\n$3\r\nké\r\n$2\r\n42\r\n$2\r\n\0\u0001\r\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static ReadOnlySequence<byte> Segments(params string[] parts)
    {
        Segment? first = null;
        Segment? last = null;
        foreach (var part in parts)
        {
            var segment = new Segment(Encoding.ASCII.GetBytes(part), last);
            first ??= segment;
            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, Segment? previous)
        {
            Memory = bytes;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}
