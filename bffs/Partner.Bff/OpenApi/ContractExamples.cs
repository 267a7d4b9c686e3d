using Partner.Bff.Errors;
using Partner.Bff.V1;
using Partner.Bff.V2;

namespace Partner.Bff.OpenApi;

/// <summary>Every version's examples and the problem document's, by contract type.</summary>
internal static class ContractExamples
{
    public static IReadOnlyDictionary<Type, object> All { get; } = V1Examples.All.Concat(V2Examples.All)
        .Append(new KeyValuePair<Type, object>(typeof(PartnerProblem), new PartnerProblem(
            "https://httpstatuses.io/400", "Invalid cursor", 400,
            "The cursor is not one this list issued for these filters; pass the nextCursor of the previous page unchanged.", ErrorCodes.InvalidCursor)))
        .ToDictionary();
}
