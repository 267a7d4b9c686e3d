namespace Bff.Integration.Tests.Edge;

/// <summary>One identity stub, upstream and edge for every test class that asks for it.</summary>
[CollectionDefinition(Name)]
public sealed class EdgeSuiteCollection : ICollectionFixture<EdgeSuiteFixture>
{
    public const string Name = "edge suite";
}
