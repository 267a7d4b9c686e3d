namespace Bff.Contracts.Users;

/// <summary>Answer of <c>GET /users/{id}/notifications/unread-count</c>.</summary>
public sealed record UnreadCount(int UserId, int Unread);
