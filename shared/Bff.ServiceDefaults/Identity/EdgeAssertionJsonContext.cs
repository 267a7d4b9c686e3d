using System.Text.Json.Serialization;

namespace Bff.ServiceDefaults.Identity;

[JsonSerializable(typeof(EdgeAssertionClaims))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class EdgeAssertionJsonContext : JsonSerializerContext;
