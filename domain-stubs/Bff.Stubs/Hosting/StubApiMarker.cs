namespace Bff.Stubs.Hosting;

/// <summary>Endpoint metadata naming the routes of the played service (those counted and faultable).</summary>
internal sealed class StubApiMarker
{
    public static StubApiMarker Instance { get; } = new();

    private StubApiMarker()
    {
    }
}
