using BenchmarkDotNet.Attributes;
using Bff.GraphQL.Execution;
using Bff.GraphQL.Language;
using Bff.GraphQL.Types;
using Bff.GraphQL.Validation;

namespace Bff.Benchmarks.GraphQL;

/// <summary>Parse, validate and execute of three queries (small, nested list with fragments, full introspection); compare with bench/graphql/bench.js.</summary>
[MemoryDiagnoser]
public class GraphQLEngineBenchmarks
{
    private Schema _schema = null!;
    private string _text = null!;
    private DocumentNode _document = null!;

    [Params("small", "nested", "introspection")]
    public string Query { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        _schema = BenchmarkSchema.Create();
        _text = BenchmarkSchema.Query(Query);
        _document = Parser.Parse(_text);
        if (DocumentValidator.Validate(_schema, _document).Count > 0)
        {
            throw new InvalidOperationException("Benchmark query is invalid: " + Query);
        }
    }

    [Benchmark]
    public DocumentNode Parse() => Parser.Parse(_text);

    [Benchmark]
    public int Validate() => DocumentValidator.Validate(_schema, _document).Count;

    [Benchmark]
    public async Task<int> Execute()
    {
        var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = _schema, Document = _document });
        return result.Errors.Count;
    }
}
