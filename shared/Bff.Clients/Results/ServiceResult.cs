using System.Diagnostics.CodeAnalysis;

namespace Bff.Clients.Results;

/// <summary>The outcome of a domain call: a value, or a <see cref="ServiceError"/>; never an exception for expected failures.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class ServiceResult<T>
{
    private ServiceResult(T? value, ServiceError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>True when <see cref="Value"/> is set; false when <see cref="Error"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value of a successful call.</summary>
    public T? Value { get; }

    /// <summary>Why the call failed.</summary>
    public ServiceError? Error { get; }

    /// <summary>A successful result.</summary>
    public static ServiceResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null);
    }

    /// <summary>A failed result.</summary>
    public static ServiceResult<T> Failure(ServiceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }

    /// <summary>Folds the result into one value.</summary>
    public TOut Match<TOut>(Func<T, TOut> success, Func<ServiceError, TOut> failure)
    {
        ArgumentNullException.ThrowIfNull(success);
        ArgumentNullException.ThrowIfNull(failure);
        return IsSuccess ? success(Value) : failure(Error);
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error})";
}
