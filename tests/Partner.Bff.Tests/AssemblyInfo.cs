using Bff.TestSupport.WireMock;
using Partner.Bff.Tests.Support;

// One WireMock JVM and one set of stub processes for the whole run; tests run one at a time because they share
// WireMock's journal and the stubs' counters.
[assembly: AssemblyFixture(typeof(WireMockFixture))]
[assembly: AssemblyFixture(typeof(StubsFixture))]
[assembly: AssemblyFixture(typeof(EdgeKeys))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
