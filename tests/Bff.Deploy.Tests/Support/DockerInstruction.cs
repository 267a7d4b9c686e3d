namespace Bff.Deploy.Tests.Support;

/// <summary>One instruction of a Dockerfile (continuation lines joined): <c>COPY a b</c> is ("COPY", "a b").</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The arguments split on white space (exec-form JSON arrays are kept as one text in <see cref="Arguments"/>).</summary>
    public IReadOnlyList<string> Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
