namespace Bff.Deploy.Tests.Support;

/// <summary>One entry of a compose service's <c>volumes</c>: <c>source:target[:ro]</c>, a named volume or a bind mount.</summary>
internal sealed record VolumeMount(string Source, string Target, bool ReadOnly)
{
    /// <summary>A bind mount of a path of the repository (<c>./...</c>) rather than a named volume.</summary>
    public bool IsBind => Source.StartsWith('.') || Source.StartsWith('/');

    public static VolumeMount Parse(string text)
    {
        var parts = text.Split(':');
        return parts.Length switch
        {
            2 => new VolumeMount(parts[0], parts[1], false),
            3 => new VolumeMount(parts[0], parts[1], parts[2].Split(',').Contains("ro")),
            _ => throw new InvalidDataException($"volume '{text}' is not source:target[:ro]"),
        };
    }
}
