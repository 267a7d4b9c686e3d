using Bff.TestSupport.WireMock;
using Web.Bff.Tests.Support;

// One WireMock JVM and one set of stub processes for the whole run. Tests run one at a time: they share the
// stubs' fault settings and request counters.
[assembly: AssemblyFixture(typeof(WireMockFixture))]
[assembly: AssemblyFixture(typeof(StubsFixture))]
[assembly: AssemblyFixture(typeof(EdgeKeys))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
