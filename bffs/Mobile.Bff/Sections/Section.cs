using Bff.Clients.Results;

namespace Mobile.Bff.Sections;

/// <summary>The outcome of one section: a value (fresh or stale), or the error that left it out.</summary>
/// <typeparam name="T">The section's value.</typeparam>
internal readonly record struct Section<T>(SectionState State, T? Value, ServiceError? Error)
    where T : class
{
    public static Section<T> Ok(T value) => new(SectionState.Ok, value, null);

    public static Section<T> Stale(T value, ServiceError error) => new(SectionState.Stale, value, error);

    public static Section<T> Missing(ServiceError error) => new(SectionState.Missing, null, error);

    /// <summary>True when the section has something to show, fresh or stale.</summary>
    public bool HasValue => Value is not null;
}
