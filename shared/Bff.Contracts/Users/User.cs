namespace Bff.Contracts.Users;

/// <summary>A user of the users service.</summary>
public sealed record User(int Id, string Username, string DisplayName, string Email, DateTimeOffset CreatedAt);
