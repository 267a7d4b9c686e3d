namespace Bff.Deploy.Tests.Support;

/// <summary>A build stage: <c>FROM image [AS name]</c> and the instructions up to the next <c>FROM</c>.</summary>
internal sealed record DockerfileStage(string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(i => string.Equals(i.Keyword, keyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>The source paths of the stage's <c>COPY</c> instructions that copy from the build context (not <c>--from</c>).</summary>
    public IEnumerable<string> ContextCopySources =>
        All("COPY").Where(c => !c.Words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            .SelectMany(c => c.Words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));
}
