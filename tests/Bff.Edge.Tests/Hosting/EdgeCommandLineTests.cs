using Bff.Edge.Hosting;

namespace Bff.Edge.Tests.Hosting;

public sealed class EdgeCommandLineTests
{
    [Fact]
    public void Config_comes_from_the_argument_or_else_from_EDGE_CONFIG()
    {
        Assert.Equal("a.json", EdgeCommandLine.Parse(["--config", "a.json"], "env.json").ConfigPath);
        Assert.Equal("env.json", EdgeCommandLine.Parse([], "env.json").ConfigPath);
        Assert.Null(EdgeCommandLine.Parse([], null).ConfigPath);
    }

    [Fact]
    public void Quick_mode_takes_from_and_one_or_more_to()
    {
        var command = EdgeCommandLine.Parse(["--from", "http://127.0.0.1:9000", "--to", "http://127.0.0.1:5000", "--to", "http://127.0.0.1:5001"], "env.json");

        Assert.Null(command.Error);
        Assert.Null(command.ConfigPath);
        Assert.Equal(["http://127.0.0.1:9000"], command.From);
        Assert.Equal(2, command.To.Count);
    }

    [Theory]
    [InlineData("--from", "http://127.0.0.1:1")]
    [InlineData("--config")]
    [InlineData("--bogus")]
    [InlineData("--config", "a.json", "--to", "http://x")]
    [InlineData("--out", "x.pfx")]
    public void Bad_combinations_are_usage_errors(params string[] args) =>
        Assert.NotNull(EdgeCommandLine.Parse(args, null).Error);

    [Fact]
    public async Task A_usage_error_exits_with_code_2() =>
        Assert.Equal(2, await EdgeProgram.RunAsync(["--bogus"]));

    [Fact]
    public async Task An_invalid_config_file_exits_with_code_2()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, """{ "Routes": { "r": { "ClusterId": "nope", "Match": { "Path": "/" } } } }""", TestContext.Current.CancellationToken);

        Assert.Equal(2, await EdgeProgram.RunAsync(["--config", path]));
        File.Delete(path);
    }
}
