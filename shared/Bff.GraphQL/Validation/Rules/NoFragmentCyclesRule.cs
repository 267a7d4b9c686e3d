using Bff.GraphQL.Language;

namespace Bff.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.2 Fragment Spreads Must Not Form Cycles (iterative, so a long chain cannot overflow the stack).</summary>
public sealed class NoFragmentCyclesRule : ValidationRule
{
    public override RuleVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : RuleVisitor
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

        public override void EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            if (_visited.Contains(node.Name))
            {
                return;
            }

            // Depth-first search with an explicit stack; the path holds the spreads leading to the current fragment.
            var path = new List<FragmentSpreadNode>();
            var indexOnPath = new Dictionary<string, int>(StringComparer.Ordinal) { [node.Name] = 0 };
            var stack = new Stack<(FragmentDefinitionNode Fragment, int Next)>();
            _visited.Add(node.Name);
            stack.Push((node, 0));
            while (stack.Count > 0)
            {
                var (fragment, next) = stack.Pop();
                var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
                if (next >= spreads.Count)
                {
                    indexOnPath.Remove(fragment.Name);
                    if (path.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
                }

                stack.Push((fragment, next + 1));
                var spread = spreads[next];
                if (indexOnPath.TryGetValue(spread.Name, out var cycleIndex))
                {
                    var cyclePath = path.Skip(cycleIndex).ToList();
                    var via = string.Join(", ", cyclePath.Select(s => "\"" + s.Name + "\""));
                    context.ReportError(
                        $"Cannot spread fragment \"{spread.Name}\" within itself" + (via.Length > 0 ? $" via {via}." : "."),
                        [.. cyclePath, spread]);
                    continue;
                }

                if (_visited.Add(spread.Name) && context.GetFragment(spread.Name) is { } target)
                {
                    path.Add(spread);
                    indexOnPath[spread.Name] = path.Count;
                    stack.Push((target, 0));
                }
            }
        }
    }
}
