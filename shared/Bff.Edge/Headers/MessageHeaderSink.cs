using Microsoft.Extensions.Primitives;

namespace Bff.Edge.Headers;

/// <summary>Headers onto an <see cref="HttpRequestMessage"/>; content headers (Content-Type...) go onto its content.</summary>
internal readonly struct MessageHeaderSink(HttpRequestMessage message) : IHeaderSink
{
    public void Add(string name, string value)
    {
        if (!message.Headers.TryAddWithoutValidation(name, value))
        {
            message.Content?.Headers.TryAddWithoutValidation(name, value);
        }
    }

    public void Add(string name, StringValues values)
    {
        if (values.Count == 1)
        {
            // The single-string overload avoids an array; most headers have one value.
            Add(name, values.ToString());
        }
        else if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!))
        {
            message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!);
        }
    }
}
