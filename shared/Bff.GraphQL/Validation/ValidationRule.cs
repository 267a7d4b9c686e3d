using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation;

/// <summary>
/// One validation rule of spec section 5. The validator walks the document once, keeping type information in
/// <see cref="ValidationContext"/>, and calls every rule's Enter/Leave hooks; rules report through the context.
/// </summary>
public abstract class ValidationRule
{
    /// <summary>The graphql-js name of the rule (e.g. NoFragmentCyclesRule).</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Creates the per-document state of the rule.</summary>
    public abstract RuleVisitor CreateVisitor(ValidationContext context);
}
