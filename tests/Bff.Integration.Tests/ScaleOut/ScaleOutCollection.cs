namespace Bff.Integration.Tests.ScaleOut;

/// <summary>The scale-out topology, started once for the tests that ask for it.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutFixture>
{
    public const string Name = "scale-out";
}
