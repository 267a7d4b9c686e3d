namespace Mobile.Bff.Http;

/// <summary>The user behind a request: the edge identity's subject, the only source of the user id.</summary>
internal static class Caller
{
    /// <summary>The caller's user id, or a 403 problem when the subject is not a user id (a partner's client id).</summary>
    public static bool TryGetUserId(HttpContext context, out int userId, out IResult? problem)
    {
        if (ResourceId.TryParse(context.GetEdgeIdentity().Subject, out userId))
        {
            problem = null;
            return true;
        }

        problem = MobileProblems.Problem(StatusCodes.Status403Forbidden, "Forbidden", "The caller is not a user.", "not_a_user");
        return false;
    }
}
