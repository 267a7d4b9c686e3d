namespace Partner.Bff.OpenApi;

/// <summary>Marks a request type whose unknown members are refused: its schema says <c>additionalProperties: false</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ClosedContractAttribute : Attribute;
