namespace Bff.Stubs.Paging;

/// <summary>
/// The position of an item in a list, compared component by component; every list of the stubs is kept
/// in ascending <see cref="SortKey"/> order (descending orders negate their components).
/// </summary>
internal readonly record struct SortKey(long Primary, long Secondary = 0, long Tertiary = 0) : IComparable<SortKey>
{
    public int CompareTo(SortKey other)
    {
        var byPrimary = Primary.CompareTo(other.Primary);
        if (byPrimary != 0)
        {
            return byPrimary;
        }

        var bySecondary = Secondary.CompareTo(other.Secondary);
        return bySecondary != 0 ? bySecondary : Tertiary.CompareTo(other.Tertiary);
    }

    public static bool operator <(SortKey left, SortKey right) => left.CompareTo(right) < 0;

    public static bool operator >(SortKey left, SortKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(SortKey left, SortKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SortKey left, SortKey right) => left.CompareTo(right) >= 0;
}
