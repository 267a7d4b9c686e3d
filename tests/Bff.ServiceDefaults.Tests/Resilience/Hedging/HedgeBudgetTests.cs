using Bff.TestSupport.Time;
using Bff.ServiceDefaults.Resilience.Hedging;

namespace Bff.ServiceDefaults.Tests.Resilience.Hedging;

public sealed class HedgeBudgetTests
{
    [Fact]
    public void Hedges_are_a_share_of_the_calls_and_the_window_starts_over()
    {
        var time = new ManualTimeProvider();
        var budget = new HedgeBudget(new HedgingOptions { BudgetRatio = 0.1, BudgetMinPerSecond = 0, BudgetWindow = TimeSpan.FromSeconds(10) }, time);
        for (var i = 0; i < 30; i++)
        {
            budget.RecordCall();
        }

        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => budget.TryAcquire()));

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(budget.TryAcquire());
        for (var i = 0; i < 10; i++)
        {
            budget.RecordCall();
        }

        Assert.True(budget.TryAcquire());
        Assert.False(budget.TryAcquire());
    }
}
