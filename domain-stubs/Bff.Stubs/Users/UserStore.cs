using Bff.Contracts.Users;
using Bff.Stubs.Paging;
using Bff.Stubs.Seed;

namespace Bff.Stubs.Users;

/// <summary>The seeded users, read-only, kept in id order (which is also their list order).</summary>
internal sealed class UserStore : ISeedable
{
    private readonly SeededData<IReadOnlyList<User>> _users = new(SeedGenerator.Users);

    public string Name => "users";

    public IReadOnlyList<User> All => _users.Value;

    public int Seed() => All.Count;

    public User? Find(int id) => id >= 1 && id <= All.Count ? All[id - 1] : null;

    public static SortKey KeyOf(User user) => new(user.Id);
}
