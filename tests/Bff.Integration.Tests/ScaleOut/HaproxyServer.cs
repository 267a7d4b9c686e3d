namespace Bff.Integration.Tests.ScaleOut;

/// <summary>
/// One backend server as HAProxy's admin socket reports it: check status (<c>UP</c>, <c>DOWN</c>, <c>UP 1/2</c>...),
/// connections sent to it so far, and how many of them the server cut mid-transfer.
/// </summary>
internal sealed record HaproxyServer(string Status, long Sessions, long ServerAborts);
