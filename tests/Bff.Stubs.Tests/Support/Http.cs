using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Bff.Stubs.Tests.Support;

/// <summary>Short forms of the calls the tests make.</summary>
public static class Http
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<T> GetOkAsync<T>(this HttpClient client, string url, JsonTypeInfo<T> type)
    {
        using var response = await client.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        var value = await response.Content.ReadFromJsonAsync(type, Ct);
        Assert.NotNull(value);
        return value;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, contentType), Ct);

    /// <summary>Polls <c>/readyz</c> until it answers 200 (seeding runs in the background after start).</summary>
    public static async Task WaitReadyAsync(this HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync("/readyz", Ct);
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "/readyz did not answer 200 within 60 s");
            await Task.Delay(20, Ct);
        }
    }
}
