namespace Bff.Stubs.Seed;

/// <summary>Something the played service must load before it is ready (a dataset, a signing key).</summary>
internal interface ISeedable
{
    /// <summary>The name logs and the readiness check use.</summary>
    string Name { get; }

    /// <summary>Loads the seed; returns how many items it holds.</summary>
    int Seed();
}
