namespace Bff.Deploy.Tests.Support;

/// <summary>A Dockerfile read into stages; enough of the syntax for the files of this repository (no heredocs).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerfileStage> stages)
    {
        Path = path;
        Stages = stages;
    }

    /// <summary>Path from the repository root.</summary>
    public string Path { get; }

    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>The stage that is the image: the last one.</summary>
    public DockerfileStage Runtime => Stages[^1];

    public static Dockerfile Load(string relativePath)
    {
        var stages = new List<DockerfileStage>();
        string? baseImage = null;
        string? name = null;
        var instructions = new List<DockerInstruction>();
        foreach (var instruction in Instructions(RepoFiles.Read(relativePath)))
        {
            if (instruction.Keyword == "FROM")
            {
                if (baseImage is not null)
                {
                    stages.Add(new DockerfileStage(baseImage, name, instructions));
                }

                var words = instruction.Words;
                baseImage = words[0];
                name = words.Count >= 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                instructions = [];
                continue;
            }

            instructions.Add(instruction);
        }

        if (baseImage is not null)
        {
            stages.Add(new DockerfileStage(baseImage, name, instructions));
        }

        return new Dockerfile(relativePath, stages);
    }

    private static IEnumerable<DockerInstruction> Instructions(string text)
    {
        var pending = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = (pending + line).Trim();
            pending = string.Empty;
            if (full.Length == 0)
            {
                continue;
            }

            var space = full.IndexOf(' ', StringComparison.Ordinal);
            yield return space < 0
                ? new DockerInstruction(full.ToUpperInvariant(), string.Empty)
                : new DockerInstruction(full[..space].ToUpperInvariant(), full[(space + 1)..].Trim());
        }
    }
}
