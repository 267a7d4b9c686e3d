using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partner.Bff.Idempotency;

/// <summary>How a final outcome is written into Redis: the domain's order or refusal, which each version renders on replay.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlacementOutcome))]
internal sealed partial class IdempotencyJsonContext : JsonSerializerContext;
