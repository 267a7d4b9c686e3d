using Bff.TestSupport.WireMock;

// One WireMock JVM for the whole run; the consumer tests that use it share the "WireMock" collection.
[assembly: AssemblyFixture(typeof(WireMockFixture))]
