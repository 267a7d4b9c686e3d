using System.Net;
using Bff.Contracts;
using Bff.Contracts.Paging;
using Bff.Contracts.Users;
using Bff.Stubs.Tests.Support;

namespace Bff.Stubs.Tests.Users;

public sealed class UsersStubTests(UsersStub stub) : IClassFixture<UsersStub>
{
    private readonly HttpClient _client = stub.CreateClient();

    [Fact]
    public async Task Get_by_id_returns_the_seeded_demo_user()
    {
        var user = await _client.GetOkAsync("/users/1", ContractsJsonContext.Default.User);

        Assert.Equal(new User(1, "demo", "Demo User", "demo@example.com", user.CreatedAt), user);
    }

    [Fact]
    public async Task Answers_are_camel_case_json()
    {
        var json = await _client.GetStringAsync("/users/2", Http.Ct);

        Assert.Contains("\"displayName\":\"Alice Martin\"", json, StringComparison.Ordinal);
        Assert.Contains("\"createdAt\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_get_keeps_the_asked_order_and_lists_missing_ids()
    {
        var batch = await _client.GetOkAsync("/users?ids=5,99999,2,1", ContractsJsonContext.Default.BatchResultUser);

        Assert.Equal([5, 2, 1], batch.Items.Select(u => u.Id));
        Assert.Equal([99999], batch.Missing);
    }

    [Fact]
    public async Task Paging_walks_every_user_exactly_once_in_id_order()
    {
        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = cursor is null ? "/users?limit=100" : $"/users?limit=100&cursor={cursor}";
            var page = await _client.GetOkAsync(url, ContractsJsonContext.Default.PageUser);
            seen.AddRange(page.Items.Select(u => u.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, 1_000), seen);
        Assert.Equal(10, pages);
    }

    [Fact]
    public async Task Default_page_holds_20_users()
    {
        var page = await _client.GetOkAsync("/users", ContractsJsonContext.Default.PageUser);

        Assert.Equal(Enumerable.Range(1, 20), page.Items.Select(u => u.Id));
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task Unread_count_is_the_same_on_every_call()
    {
        var first = await _client.GetOkAsync("/users/1/notifications/unread-count", ContractsJsonContext.Default.UnreadCount);
        var second = await _client.GetOkAsync("/users/1/notifications/unread-count", ContractsJsonContext.Default.UnreadCount);

        Assert.Equal(first, second);
        Assert.Equal(1, first.UserId);
        Assert.True(first.Unread > 0);
    }

    [Theory]
    [InlineData("/users/0")]
    [InlineData("/users/-1")]
    [InlineData("/users/abc")]
    [InlineData("/users/1.5")]
    [InlineData("/users/99999999999999999999")]
    [InlineData("/users/+1")]
    [InlineData("/users/0/notifications/unread-count")]
    [InlineData("/users?ids=1,abc")]
    [InlineData("/users?ids=1,,2")]
    [InlineData("/users?ids=")]
    [InlineData("/users?ids=1,1")]
    [InlineData("/users?ids=-3")]
    public async Task Malformed_ids_are_400_invalid_id(string url)
    {
        using var response = await _client.GetAsync(url, Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_id");
    }

    [Theory]
    [InlineData("/users/1001")]
    [InlineData("/users/2147483647")]
    [InlineData("/users/5000/notifications/unread-count")]
    public async Task Unknown_ids_are_404_not_found(string url)
    {
        using var response = await _client.GetAsync(url, Http.Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(new Uri(url, UriKind.Relative).OriginalString, problem.Instance);
    }

    [Fact]
    public async Task More_than_100_ids_is_400_too_many_ids()
    {
        var ids = string.Join(',', Enumerable.Range(1, 101));

        using var response = await _client.GetAsync($"/users?ids={ids}", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "too_many_ids");
    }

    [Fact]
    public async Task Exactly_100_ids_are_allowed()
    {
        var ids = string.Join(',', Enumerable.Range(1, 100));

        var batch = await _client.GetOkAsync($"/users?ids={ids}", ContractsJsonContext.Default.BatchResultUser);

        Assert.Equal(100, batch.Items.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("101")]
    [InlineData("1000000000000")]
    [InlineData("2.5")]
    [InlineData("ten")]
    [InlineData("")]
    public async Task Bad_limits_are_400_invalid_limit(string limit)
    {
        using var response = await _client.GetAsync($"/users?limit={limit}", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_limit");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("!!!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public async Task Garbage_cursors_are_400_invalid_cursor(string cursor)
    {
        using var response = await _client.GetAsync($"/users?cursor={Uri.EscapeDataString(cursor)}", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Fact]
    public async Task A_modified_cursor_is_400_invalid_cursor()
    {
        var page = await _client.GetOkAsync("/users?limit=5", ContractsJsonContext.Default.PageUser);
        var bytes = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(page.NextCursor!);
        bytes[8] ^= 0x01; // move the position by one without re-signing
        var forged = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bytes);

        using var response = await _client.GetAsync($"/users?limit=5&cursor={forged}", Http.Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_cursor");
    }
}
