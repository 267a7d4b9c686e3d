namespace Bff.GraphQL.Language;

/// <summary>The three root operation types.</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}
