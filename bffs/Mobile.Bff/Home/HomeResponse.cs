using Mobile.Bff.Sections;

namespace Mobile.Bff.Home;

/// <summary>
/// <c>GET /mobile/home</c>: one flat payload for the home screen. A field of a missing section is left out;
/// <see cref="Sections"/> tells the state of each section and <see cref="Degraded"/> lists those not fresh.
/// </summary>
internal sealed record HomeResponse(
    string DisplayName,
    int? UnreadNotifications,
    IReadOnlyList<HomeOrder>? RecentOrders,
    IReadOnlyList<HomeProduct>? Recommended,
    IReadOnlyDictionary<string, SectionState> Sections,
    IReadOnlyList<string> Degraded);
