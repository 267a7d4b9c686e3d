using Bff.TestSupport.Stubs;

namespace Web.Bff.Tests.Support;

/// <summary>The real domain stubs the Web BFF's tests run against.</summary>
public sealed class StubsFixture : DomainStubsFixture;
