using System.Text.Json;
using System.Text.Json.Serialization;
using Mobile.Bff.Home;
using Mobile.Bff.Orders;
using Mobile.Bff.Products;

namespace Mobile.Bff.Http;

/// <summary>Source-generated JSON of the screens: camelCase, and fields of missing sections left out.</summary>
[JsonSerializable(typeof(HomeResponse))]
[JsonSerializable(typeof(ProductPageResponse))]
[JsonSerializable(typeof(OrderPageResponse))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class MobileJsonContext : JsonSerializerContext;
