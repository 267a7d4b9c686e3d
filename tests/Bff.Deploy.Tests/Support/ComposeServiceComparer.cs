namespace Bff.Deploy.Tests.Support;

/// <summary>Compares two compose services by content (lists and maps element by element).</summary>
internal sealed class ComposeServiceComparer : IEqualityComparer<ComposeService>
{
    public static readonly ComposeServiceComparer Instance = new();

    public bool Equals(ComposeService? x, ComposeService? y) =>
        x is not null && y is not null
        && x.Name == y.Name && x.Image == y.Image && x.BuildContext == y.BuildContext && x.Dockerfile == y.Dockerfile
        && x.HasOwnHealthcheck == y.HasOwnHealthcheck && x.StopGracePeriod == y.StopGracePeriod
        && x.Command.SequenceEqual(y.Command)
        && x.Ports.SequenceEqual(y.Ports)
        && x.Volumes.SequenceEqual(y.Volumes)
        && x.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).SequenceEqual(y.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        && x.DependsOn.OrderBy(e => e.Key, StringComparer.Ordinal).SequenceEqual(y.DependsOn.OrderBy(e => e.Key, StringComparer.Ordinal));

    public int GetHashCode(ComposeService obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
}
