namespace Bff.Integration.Tests.Suite;

/// <summary>One Development suite for the introspection and developer page tests.</summary>
[CollectionDefinition(Name)]
public sealed class DevelopmentSuiteCollection : ICollectionFixture<DevelopmentSuiteFixture>
{
    public const string Name = "development suite";
}
