using Partner.Bff.Tests.Support;

// One set of stub processes for the whole run; tests run one at a time because they share the stubs' counters.
[assembly: AssemblyFixture(typeof(StubsFixture))]
[assembly: AssemblyFixture(typeof(EdgeKeys))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
