namespace Bff.Integration.Tests.Suite;

/// <summary>One running suite for every test class that asks for it (starting it costs several processes).</summary>
[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
