namespace Bff.Stubs.Seed;

/// <summary>A seeded user with a password, shared by the users seed and the identity stub so both agree.</summary>
internal sealed record KnownUser(int Id, string Username, string DisplayName, string Email, string Password)
{
    public static KnownUser Demo { get; } = new(1, "demo", "Demo User", "demo@example.com", "demo-password");

    public static KnownUser Alice { get; } = new(2, "alice", "Alice Martin", "alice.martin@example.com", "alice-password");

    public static IReadOnlyList<KnownUser> All { get; } = [Demo, Alice];
}
