using System.Text.Json;
using System.Text.Json.Serialization;
using Bff.Stubs.Identity;

namespace Bff.Stubs.Hosting;

/// <summary>Source-generated JSON metadata for the stubs' own documents (the domain records live in Bff.Contracts).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OpenIdConfiguration))]
[JsonSerializable(typeof(JsonWebKeySetDocument))]
[JsonSerializable(typeof(KeyRotation))]
internal sealed partial class StubJsonContext : JsonSerializerContext;
