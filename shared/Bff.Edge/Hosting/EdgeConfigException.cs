namespace Bff.Edge.Hosting;

/// <summary>A config that cannot start the gateway; <see cref="Exception.Message"/> lists every problem, one per line.</summary>
internal sealed class EdgeConfigException : Exception
{
    public EdgeConfigException(IReadOnlyList<string> errors)
        : base("Invalid edge config:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public EdgeConfigException()
        : this([])
    {
    }

    public EdgeConfigException(string message)
        : this([message])
    {
    }

    public EdgeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
