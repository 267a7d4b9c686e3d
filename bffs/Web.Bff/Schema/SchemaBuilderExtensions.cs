using Bff.GraphQL.Execution;
using Bff.GraphQL.Types;

namespace Web.Bff.Schema;

/// <summary>Shorthands for the two kinds of fields of this schema, so every field carries a description and a cost.</summary>
internal static class SchemaBuilderExtensions
{
    /// <summary>
    /// A field read from the parent object already at hand: costs nothing in the complexity limit, which counts
    /// service calls. <paramref name="listSize"/> estimates the items of a list field for the fields below it.
    /// </summary>
    public static ObjectTypeBuilder Data(this ObjectTypeBuilder type, string name, string typeRef, string description, Func<IResolverContext, object?>? resolve = null, int? listSize = null) =>
        type.Field(name, typeRef, f =>
        {
            f.Description(description).Cost(0, listSize);
            if (resolve is not null)
            {
                f.Resolve(resolve);
            }
        });
}
