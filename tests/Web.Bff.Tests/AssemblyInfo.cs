using Web.Bff.Tests.Support;

// One set of stub processes for the whole run. Tests run one at a time: they share the stubs' fault settings
// and request counters.
[assembly: AssemblyFixture(typeof(StubsFixture))]
[assembly: AssemblyFixture(typeof(EdgeKeys))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
