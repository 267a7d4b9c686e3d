namespace Bff.Stubs.Identity;

/// <summary>Answer of <c>POST /_stub/keys/rotate</c>: the new key, the key signing now, and when the new one takes over.</summary>
internal sealed record KeyRotation(string NewKid, string SigningKid, DateTimeOffset NewKidSignsFrom, IReadOnlyList<string> PublishedKids);
