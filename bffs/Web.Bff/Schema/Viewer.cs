namespace Web.Bff.Schema;

/// <summary>The signed-in user; everything below it is fetched on demand, so the object itself needs no call.</summary>
internal sealed record Viewer(int UserId);
