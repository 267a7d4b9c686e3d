using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partner.Bff.V1;

/// <summary>Source-generated JSON of the v1 contract (camelCase).</summary>
[JsonSerializable(typeof(V1Order))]
[JsonSerializable(typeof(V1OrderPage))]
[JsonSerializable(typeof(V1Product))]
[JsonSerializable(typeof(V1ProductPage))]
[JsonSerializable(typeof(V1PlaceOrderRequest))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class V1JsonContext : JsonSerializerContext;
