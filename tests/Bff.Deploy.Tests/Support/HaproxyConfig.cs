namespace Bff.Deploy.Tests.Support;

/// <summary>An haproxy.cfg read into sections (<c>defaults</c>, <c>frontend NAME</c>, <c>backend NAME</c>, ...) of trimmed lines.</summary>
internal sealed class HaproxyConfig
{
    private HaproxyConfig(IReadOnlyList<(string Header, IReadOnlyList<string> Lines)> sections) => Sections = sections;

    public IReadOnlyList<(string Header, IReadOnlyList<string> Lines)> Sections { get; }

    public IEnumerable<(string Name, IReadOnlyList<string> Lines)> Backends =>
        Sections.Where(s => s.Header.StartsWith("backend ", StringComparison.Ordinal)).Select(s => (s.Header["backend ".Length..], s.Lines));

    public IEnumerable<(string Name, IReadOnlyList<string> Lines)> Frontends =>
        Sections.Where(s => s.Header.StartsWith("frontend ", StringComparison.Ordinal)).Select(s => (s.Header["frontend ".Length..], s.Lines));

    public IReadOnlyList<string> Defaults => Sections.Single(s => s.Header == "defaults").Lines;

    public static HaproxyConfig Load(string relativePath)
    {
        var sections = new List<(string, IReadOnlyList<string>)>();
        string? header = null;
        var lines = new List<string>();
        foreach (var raw in File.ReadAllLines(RepoFiles.Full(relativePath)))
        {
            var comment = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (comment >= 0 ? raw[..comment] : raw).TrimEnd();
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                if (header is not null)
                {
                    sections.Add((header, lines));
                }

                header = line.Trim();
                lines = [];
                continue;
            }

            lines.Add(string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        if (header is not null)
        {
            sections.Add((header, lines));
        }

        return new HaproxyConfig(sections);
    }
}
