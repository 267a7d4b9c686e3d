using System.Text.Json;
using System.Text.Json.Serialization;
using Bff.Contracts.Identity;
using Bff.Contracts.Orders;
using Bff.Contracts.Paging;
using Bff.Contracts.Products;
using Bff.Contracts.Reviews;
using Bff.Contracts.Stubs;
using Bff.Contracts.Users;

namespace Bff.Contracts;

/// <summary>
/// Source-generated System.Text.Json metadata for every record of the domain API
/// (web defaults: camelCase, case-insensitive reading).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(UnreadCount))]
[JsonSerializable(typeof(Page<User>))]
[JsonSerializable(typeof(BatchResult<User>))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(Page<Order>))]
[JsonSerializable(typeof(BatchResult<Order>))]
[JsonSerializable(typeof(ItemList<Order>))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(Page<Product>))]
[JsonSerializable(typeof(BatchResult<Product>))]
[JsonSerializable(typeof(ItemList<Product>))]
[JsonSerializable(typeof(ItemList<string>))]
[JsonSerializable(typeof(Review))]
[JsonSerializable(typeof(AddReviewRequest))]
[JsonSerializable(typeof(Page<Review>))]
[JsonSerializable(typeof(BatchResult<Review>))]
[JsonSerializable(typeof(ItemList<RatingSummary>))]
[JsonSerializable(typeof(ItemList<ProductReviews>))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenError))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(ItemList<FaultSettings>))]
[JsonSerializable(typeof(StubStats))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
