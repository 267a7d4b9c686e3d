using Bff.GraphQL.Types;
using Web.Bff.Mutations;

namespace Web.Bff.Schema;

/// <summary>
/// The web app's schema: shaped for its pages (home, product, search, category, account) rather than mirroring
/// the services. Fields that need a service are nullable, so one failing service nulls its own fields only.
/// </summary>
internal static class WebSchema
{
    public static global::Bff.GraphQL.Types.Schema Create() => new SchemaBuilder()
        .Description("The web app's API: the signed-in viewer, orders, the catalogue with ratings and reviews, and the mutations of the shop.")
        .AddCommonTypes()
        .AddEnumTypes()
        .AddViewerTypes()
        .AddUserTypes()
        .AddOrderTypes()
        .AddProductTypes()
        .AddReviewTypes()
        .AddPlaceOrder()
        .AddAddReview()
        .Build();
}
