namespace Bff.Stubs.Problems;

/// <summary>A value read from a request, or the problem answer that explains why it could not be.</summary>
/// <typeparam name="T">The parsed value's type.</typeparam>
internal readonly record struct Parsed<T>(T Value, IResult? Problem)
{
    public bool Failed => Problem is not null;

    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(IResult problem) => new(default!, problem);
}
