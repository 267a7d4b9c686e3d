using Microsoft.AspNetCore.Http;

namespace Bff.Edge.Tests.Support;

/// <summary>What reached the test upstream.</summary>
public sealed record RecordedRequest(string Method, string Path, string RawTarget, string QueryString, IHeaderDictionary Headers, byte[] Body, string Protocol);
