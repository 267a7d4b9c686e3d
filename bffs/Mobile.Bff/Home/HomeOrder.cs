namespace Mobile.Bff.Home;

/// <summary>One of the most recent orders on the home screen.</summary>
internal sealed record HomeOrder(int Id, decimal Total, string Currency, string Status);
