using System.Text.Json.Serialization;

namespace Partner.Bff.Paging;

/// <summary>Source-generated JSON of the cursor payload.</summary>
[JsonSerializable(typeof(CursorPosition))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class PagingJsonContext : JsonSerializerContext;
