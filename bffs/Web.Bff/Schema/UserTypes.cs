using Bff.Contracts.Users;
using Bff.GraphQL.Types;

namespace Web.Bff.Schema;

/// <summary>
/// People: <c>Profile</c> is the viewer's own (with e-mail), <c>Reviewer</c> the public face of any user (review
/// authors), so nobody's e-mail leaks through a review.
/// </summary>
internal static class UserTypes
{
    public static SchemaBuilder AddUserTypes(this SchemaBuilder schema) => schema
        .Object("Profile", t => t
            .Description("The signed-in user's own profile.")
            .Data("id", "ID!", "User id.")
            .Data("username", "String!", "Login name.")
            .Data("displayName", "String!", "Name to show, e.g. `Demo User`.")
            .Data("email", "String!", "E-mail address (only ever shown to its owner).")
            .Data("memberSince", "DateTime!", "When the account was created.", c => c.Parent<User>().CreatedAt))
        .Object("Reviewer", t => t
            .Description("The public face of a user: what other shoppers may see next to a review.")
            .Data("id", "ID!", "User id.")
            .Data("displayName", "String!", "Name to show."));
}
