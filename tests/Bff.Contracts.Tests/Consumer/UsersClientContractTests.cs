using Bff.Clients.Paging;
using Bff.Clients.Results;

namespace Bff.Contracts.Tests.Consumer;

public sealed class UsersClientContractTests() : ConsumerTestBase("users")
{
    [Fact]
    public async Task Get_user_maps_every_field()
    {
        var result = await Clients.Users.GetUserAsync(1, Token);

        Assert.True(result.IsSuccess, result.ToString());
        var user = result.Value;
        Assert.Equal(1, user.Id);
        Assert.Equal("demo", user.Username);
        Assert.Equal("Demo User", user.DisplayName);
        Assert.Equal("demo@example.com", user.Email);
        Assert.Equal(new DateTimeOffset(2023, 3, 14, 9, 26, 53, TimeSpan.Zero), user.CreatedAt);
    }

    [Fact]
    public async Task Unknown_user_is_a_NotFound_result_with_the_problem()
    {
        var result = await Clients.Users.GetUserAsync(99999999, Token);

        Assert.False(result.IsSuccess);
        Assert.Equal(ServiceErrorKind.NotFound, result.Error.Kind);
        Assert.Equal("users", result.Error.Service);
        Assert.Equal(404, result.Error.Status);
        Assert.Equal("not_found", result.Error.Problem?.Code);
        Assert.Equal("user 99999999 does not exist.", result.Error.Message);
    }

    [Fact]
    public async Task Batch_get_keeps_order_and_reports_missing_ids()
    {
        var result = await Clients.Users.GetUsersAsync([1, 2, 99999999], Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([1, 2], result.Value.Items.Select(u => u.Id));
        Assert.Equal("Alice Martin", result.Value.Items[1].DisplayName);
        Assert.Equal([99999999], result.Value.Missing);
    }

    [Fact]
    public async Task First_page_carries_the_next_cursor()
    {
        var result = await Clients.Users.ListUsersAsync(new PageRequest(Limit: 2), Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, result.Value.Items.Count);
        Assert.False(string.IsNullOrEmpty(result.Value.NextCursor));
    }

    [Fact]
    public async Task Bad_cursor_is_a_BadRequest_result_carrying_the_problem_detail()
    {
        var result = await Clients.Users.ListUsersAsync(new PageRequest(Cursor: "not-a-cursor"), Token);

        Assert.False(result.IsSuccess);
        Assert.Equal(ServiceErrorKind.BadRequest, result.Error.Kind);
        Assert.Equal(400, result.Error.Status);
        Assert.Equal("invalid_cursor", result.Error.Problem?.Code);
        Assert.Equal("The cursor is malformed, modified or belongs to another query.", result.Error.Problem?.Detail);
    }

    [Fact]
    public async Task Unread_count_is_mapped()
    {
        var result = await Clients.Users.GetUnreadCountAsync(1, Token);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1, result.Value.UserId);
        Assert.Equal(7, result.Value.Unread);
    }

    [Fact]
    public async Task Unread_count_of_unknown_user_is_NotFound()
    {
        var result = await Clients.Users.GetUnreadCountAsync(99999999, Token);

        Assert.Equal(ServiceErrorKind.NotFound, result.Error?.Kind);
    }
}
