using System.Net;
using System.Net.Http.Json;
using Bff.Contracts;

namespace Bff.Stubs.Tests.Support;

/// <summary>Checks that an answer is an RFC 9457 problem document with the expected status and <c>code</c>.</summary>
public static class ProblemAssert
{
    public static async Task<ApiProblem> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync(ContractsJsonContext.Default.ApiProblem, TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        return problem;
    }
}
