namespace Mobile.Bff.Sections;

/// <summary>The sections of every screen, as named in <c>sections</c>, <c>degraded</c> and <c>Mobile:Budgets:Sections</c>.</summary>
public static class SectionNames
{
    public const string Profile = "profile";
    public const string Notifications = "notifications";
    public const string Orders = "orders";
    public const string Recommendations = "recommendations";
    public const string Ratings = "ratings";
    public const string Product = "product";
    public const string Rating = "rating";
    public const string Reviews = "reviews";
    public const string Order = "order";
    public const string Products = "products";
}
