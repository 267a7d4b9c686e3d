using Bff.Contracts.Users;

namespace Bff.Stubs.Seed;

internal static partial class SeedGenerator
{
    /// <summary>Users 1..<see cref="SeedSizes.Users"/>; 1 is <c>demo</c> and 2 <c>alice</c>.</summary>
    public static IReadOnlyList<User> Users()
    {
        var random = new Random(1001);
        var users = new List<User>(SeedSizes.Users);
        foreach (var known in KnownUser.All)
        {
            users.Add(new User(known.Id, known.Username, known.DisplayName, known.Email, SeedClock.Before(random, SeedClock.End, 1200)));
        }

        for (var id = users.Count + 1; id <= SeedSizes.Users; id++)
        {
            var first = Pick(random, Words.FirstNames);
            var last = Pick(random, Words.LastNames);
            var username = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{id}";
            users.Add(new User(id, username, $"{first} {last}", $"{username}@example.com", SeedClock.Before(random, SeedClock.End, 1200)));
        }

        return users;
    }

    /// <summary>A user's unread notifications: a fixed function of the id (demo has 4).</summary>
    public static int UnreadNotifications(int userId) => (int)(((long)userId * 7_919 + 2) % 13);
}
