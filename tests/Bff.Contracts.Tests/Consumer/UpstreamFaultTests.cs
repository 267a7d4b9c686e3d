using System.Diagnostics;
using System.Text;
using Bff.Clients.Results;
using Bff.Contracts.Tests.Support;
using Bff.TestSupport.Upstreams;

namespace Bff.Contracts.Tests.Consumer;

/// <summary>
/// How the clients behave when the users service breaks the connection or takes too long: faults WireMock.Net cannot
/// make (its <c>EMPTY_RESPONSE</c> answers 200 with an empty body), and slow answers that must not hold a test up once
/// it is over (WireMock.Net's stop waits for a delayed answer; this upstream drops it), from a scripted socket upstream.
/// </summary>
public sealed class UpstreamFaultTests
{
    private const string User = """{"id": 2, "username": "alice", "displayName": "Alice Martin", "email": "a@example.com", "createdAt": "2024-01-01T00:00:00Z"}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> BrokenConnections => ["connection reset", "closed without an answer", "malformed chunk"];

    [Theory]
    [MemberData(nameof(BrokenConnections))]
    public async Task Broken_connection_is_retried_then_an_Unavailable_result(string fault)
    {
        await using var upstream = RawUpstream.Start(async connection =>
        {
            if (await connection.ReadRequestAsync() is null)
            {
                return;
            }

            switch (fault)
            {
                case "connection reset":
                    connection.Reset();
                    break;
                case "malformed chunk":
                    await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n{\"id\r\n");
                    break;
                default:
                    break;
            }
        });
        await using var clients = ClientHost.Create(new Uri(upstream.Url + "/"));

        var result = await clients.Users.GetUserAsync(1, Token);

        Assert.Equal(ServiceErrorKind.Unavailable, result.Error?.Kind);
        // At least the first attempt and two retries; SocketsHttpHandler itself resends once on a pooled
        // connection that closes before answering, so a closed connection may be counted more often.
        Assert.True(Requests(upstream, "/users/1") >= 3, $"{Requests(upstream, "/users/1")} requests");
    }

    [Fact]
    public async Task Body_dribbled_slower_than_the_attempt_timeout_is_a_Timeout_result()
    {
        var body = Encoding.UTF8.GetBytes(User);
        await using var upstream = RawUpstream.Start(async connection =>
        {
            if (await connection.ReadRequestAsync() is null)
            {
                return;
            }

            // Five pieces over three seconds, each in time to keep the connection alive, the whole far too late.
            await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
            foreach (var piece in body.Chunk((body.Length / 5) + 1))
            {
                await connection.WriteAsync(piece);
                await connection.HoldAsync(TimeSpan.FromMilliseconds(600));
            }
        });
        await using var clients = ClientHost.Create(new Uri(upstream.Url + "/"), new Dictionary<string, string?>
        {
            ["Resilience:users:AttemptTimeout"] = "00:00:00.300",
            ["Resilience:users:MaxRetryAttempts"] = "0",
        });
        var watch = Stopwatch.StartNew();

        var result = await clients.Users.GetUserAsync(2, Token);

        Assert.Equal(ServiceErrorKind.Timeout, result.Error?.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Answer_slower_than_the_attempt_timeout_is_a_Timeout_result()
    {
        await using var upstream = RawUpstream.Start(AnswerAfter(TimeSpan.FromSeconds(2)));
        await using var clients = ClientHost.Create(new Uri(upstream.Url + "/"), new Dictionary<string, string?>
        {
            ["Resilience:users:AttemptTimeout"] = "00:00:00.300",
            ["Resilience:users:TotalTimeout"] = "00:00:03",
            ["Resilience:users:MaxRetryAttempts"] = "1",
        });

        var watch = Stopwatch.StartNew();
        var result = await clients.Users.GetUserAsync(2, Token);

        Assert.Equal(ServiceErrorKind.Timeout, result.Error?.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.8), $"took {watch.Elapsed}");
        Assert.Equal(2, Requests(upstream, "/users/2"));
    }

    [Fact]
    public async Task Caller_cancellation_stays_a_cancellation()
    {
        await using var upstream = RawUpstream.Start(AnswerAfter(TimeSpan.FromSeconds(2)));
        await using var clients = ClientHost.Create(new Uri(upstream.Url + "/"));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.Users.GetUserAsync(1, cancellation.Token));
    }

    // Reads a request and answers it (a user) after the delay, or when the upstream stops, whichever comes first.
    private static Func<RawUpstreamConnection, Task> AnswerAfter(TimeSpan delay) => async connection =>
    {
        if (await connection.ReadRequestAsync() is not null)
        {
            await connection.HoldAsync(delay);
            await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(User)}\r\n\r\n{User}");
        }
    };

    private static int Requests(RawUpstream upstream, string target) => upstream.Requests.Count(r => r.Method == "GET" && r.Target == target);
}
