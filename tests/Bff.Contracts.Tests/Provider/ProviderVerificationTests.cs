using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bff.Contracts.Tests.Provider;

/// <summary>
/// Replays every contract's request against the real stub of its service: the status, the content type, the
/// headers it names and the shape of its body must match, so a contract that drifts from a stub fails.
/// </summary>
public sealed class ProviderVerificationTests(StubServers stubs) : IClassFixture<StubServers>
{
    public static TheoryData<string> Contracts => [.. ContractFile.All()];

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Stub_answers_as_the_contract_says(string contract)
    {
        var (service, expected) = ContractFile.Load(contract);
        var stub = await stubs.GetAsync(service);
        using var client = new HttpClient { BaseAddress = stub.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        using var request = new HttpRequestMessage(expected.Method, expected.Url.TrimStart('/'));
        if (expected.RequestBody is { } body)
        {
            request.Content = new StringContent(body.GetRawText(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var context = $"{expected.Method} {expected.Url} -> {(int)response.StatusCode} {text}";

        Assert.True(expected.Status == (int)response.StatusCode, $"status: expected {expected.Status}; {context}");
        foreach (var (name, value) in expected.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(
                    MediaTypeHeaderValue.Parse(value).MediaType == response.Content.Headers.ContentType?.MediaType,
                    $"content type: expected {value}, got {response.Content.Headers.ContentType}; {context}");
            }
            else
            {
                Assert.True(
                    response.Headers.Contains(name) || response.Content.Headers.Contains(name),
                    $"header {name} missing; {context}");
            }
        }

        if (expected.ResponseBody is { } shape)
        {
            using var actual = JsonDocument.Parse(text);
            var differences = JsonShape.Differences(shape, actual.RootElement);
            Assert.True(differences.Count == 0, $"{string.Join("\n", differences)}\n{context}");
        }
    }
}
