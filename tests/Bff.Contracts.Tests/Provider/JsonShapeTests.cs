using System.Text.Json;

namespace Bff.Contracts.Tests.Provider;

public sealed class JsonShapeTests
{
    [Fact]
    public void Same_fields_and_kinds_with_other_values_and_extra_fields_match()
    {
        var differences = Compare(
            """{ "id": 1, "name": "a", "items": [ { "price": 1.5, "ok": true } ], "next": null }""",
            """{ "id": 7, "name": "b", "items": [ { "price": 20, "ok": false, "extra": 1 } ], "next": null, "more": [] }""");

        Assert.Empty(differences);
    }

    [Fact]
    public void Missing_field_is_reported_with_its_path()
    {
        var differences = Compare("""{ "items": [ { "id": 1, "name": "a" } ] }""", """{ "items": [ { "id": 1 } ] }""");

        Assert.Contains(differences, d => d.StartsWith("$.items[0].name: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Field_of_another_json_kind_is_reported()
    {
        var differences = Compare("""{ "total": 10.5, "cursor": "x" }""", """{ "total": "10.5", "cursor": null }""");

        Assert.Equal(2, differences.Count);
    }

    [Fact]
    public void Empty_answer_array_where_the_contract_shows_elements_is_reported()
    {
        var differences = Compare("""{ "items": [ 1 ] }""", """{ "items": [] }""");

        Assert.Single(differences);
    }

    private static IReadOnlyList<string> Compare(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        return JsonShape.Differences(e.RootElement, a.RootElement);
    }
}
