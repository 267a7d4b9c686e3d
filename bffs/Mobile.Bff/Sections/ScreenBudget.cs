namespace Mobile.Bff.Sections;

/// <summary>
/// The clock of one screen: an overall deadline, and a deadline per section inside it. Cancelling the
/// remaining work (when the core section failed) ends every section's calls at once.
/// </summary>
internal sealed class ScreenBudget : IDisposable
{
    private readonly CancellationTokenSource _overall;
    private readonly BudgetOptions _options;

    public ScreenBudget(BudgetOptions options, CancellationToken requestAborted)
    {
        _options = options;
        RequestAborted = requestAborted;
        _overall = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        _overall.CancelAfter(options.Overall);
    }

    /// <summary>The caller went away: nothing is worth finishing.</summary>
    public CancellationToken RequestAborted { get; }

    /// <summary>A token for one section's calls, cancelled at the section's budget or the overall one, whichever comes first.</summary>
    public CancellationTokenSource ForSection(string section)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(_overall.Token);
        if (_options.Sections.TryGetValue(section, out var budget) && budget < _options.Overall)
        {
            source.CancelAfter(budget);
        }

        return source;
    }

    /// <summary>True once <see cref="CancelRemainingAsync"/> ran: sections still running were abandoned, not late.</summary>
    public bool Abandoned { get; private set; }

    /// <summary>Stops every section still running (their sections end up missing).</summary>
    public Task CancelRemainingAsync()
    {
        Abandoned = true;
        return _overall.CancelAsync();
    }

    public void Dispose() => _overall.Dispose();
}
