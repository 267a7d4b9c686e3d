using Bff.GraphQL.Execution;

namespace Bff.GraphQL;

/// <summary>Lets the executor attach its scheduler to a loader it creates.</summary>
internal interface IScopedDataLoader
{
    DataLoaderScope? Scope { get; set; }
}
