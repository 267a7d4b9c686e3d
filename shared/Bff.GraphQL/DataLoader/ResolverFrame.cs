namespace Bff.GraphQL.Execution;

/// <summary>One running async resolver, as the DataLoader scheduler tracks it.</summary>
internal sealed class ResolverFrame
{
    /// <summary>Loads this resolver awaits that are not yet answered.</summary>
    public int Waiting { get; set; }

    public bool Finished { get; set; }
}
