using System.ComponentModel.DataAnnotations;

namespace Bff.GraphQL;

/// <summary>Limits and switches of the request pipeline; every limit is on by default with a safe value.</summary>
public sealed class GraphQLOptions
{
    /// <summary>Maximum document length in UTF-8 bytes; default 64 KiB.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDocumentBytes { get; set; } = 64 * 1024;

    /// <summary>Maximum lexical tokens per document; default 5000 (the full introspection query has about 300).</summary>
    [Range(1, int.MaxValue)]
    public int MaxTokens { get; set; } = 5000;

    /// <summary>Maximum field nesting depth of an operation (fragments expanded, introspection not counted); default 15.</summary>
    [Range(1, 1000)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Maximum number of aliased fields per operation; default 30.</summary>
    [Range(0, int.MaxValue)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Maximum estimated cost (sum of field costs times enclosing list size estimates; introspection excluded); default 5000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>Maximum root fields per operation (fragments expanded); default 20.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRootFields { get; set; } = 20;

    /// <summary>Maximum directives used in a document; default 50.</summary>
    [Range(0, int.MaxValue)]
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Time after which execution is cancelled and answered with what completed; default 30 s.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether __schema and __type may be queried; default true (turn off in production if wanted).</summary>
    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Maximum <c>__schema</c>/<c>__type</c> fields (aliases included) per document; default 3 (tools send one).</summary>
    [Range(0, int.MaxValue)]
    public int MaxIntrospectionFields { get; set; } = 3;

    /// <summary>Maximum <c>ofType</c> nesting inside introspection; default 16 (graphql-js <c>getIntrospectionQuery()</c> nests 9).</summary>
    [Range(0, 1000)]
    public int MaxIntrospectionOfTypeDepth { get; set; } = 16;

    /// <summary>
    /// Maximum nesting of the type lists <c>fields</c>, <c>inputFields</c>, <c>interfaces</c> and <c>possibleTypes</c>
    /// inside introspection (each level multiplies the answer by the schema's size); default 2 (tools need 1).
    /// </summary>
    [Range(0, 100)]
    public int MaxIntrospectionListDepth { get; set; } = 2;

    /// <summary>How many parsed and validated documents are kept, keyed by their text; default 1000.</summary>
    [Range(0, int.MaxValue)]
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>Maximum HTTP request body in bytes (query plus variables); default 1 MiB.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Automatic persisted queries (Apollo persistedQuery extension); default on.</summary>
    public bool EnablePersistedQueries { get; set; } = true;

    /// <summary>Maximum documents the automatic persisted query store keeps; default 10,000.</summary>
    [Range(0, int.MaxValue)]
    public int PersistedQueryCacheSize { get; set; } = 10_000;

    /// <summary>Production mode: only <see cref="TrustedDocuments"/> run (sent in full or by SHA-256 hash); default off.</summary>
    public bool AllowListOnly { get; set; }

    /// <summary>Documents known at startup (e.g. extracted from the web app at build time); they can always be sent by hash.</summary>
    public ICollection<string> TrustedDocuments { get; } = new List<string>();
}
