using System.IO.Pipelines;

namespace Bff.Edge.RequestGuard;

/// <summary>A connection's transport with its input read through a <see cref="RawFramingInspector"/>.</summary>
internal sealed class GuardedDuplexPipe : IDuplexPipe
{
    private readonly IDuplexPipe _inner;

    public GuardedDuplexPipe(IDuplexPipe inner, RawFramingInspector input)
    {
        _inner = inner;
        Input = input;
    }

    public PipeReader Input { get; }

    public PipeWriter Output => _inner.Output;
}
