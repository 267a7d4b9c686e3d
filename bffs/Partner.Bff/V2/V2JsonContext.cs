using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partner.Bff.V2;

/// <summary>Source-generated JSON of the v2 contract (camelCase).</summary>
[JsonSerializable(typeof(V2Order))]
[JsonSerializable(typeof(V2OrderPage))]
[JsonSerializable(typeof(V2Product))]
[JsonSerializable(typeof(V2ProductPage))]
[JsonSerializable(typeof(V2PlaceOrderRequest))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class V2JsonContext : JsonSerializerContext;
