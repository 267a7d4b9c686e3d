using Microsoft.Extensions.Options;

namespace Mobile.Bff.Sections;

/// <summary>Starts the budget of each screen from <see cref="BudgetOptions"/>.</summary>
internal sealed class ScreenBudgets(IOptions<BudgetOptions> options)
{
    public BudgetOptions Options => options.Value;

    public ScreenBudget Start(CancellationToken requestAborted) => new(options.Value, requestAborted);
}
