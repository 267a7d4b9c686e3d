using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Bff.RateLimiting.Tests.Support;

/// <summary>
/// An <see cref="IMeterFactory"/> whose meters carry it as their scope, with a listener that records only those
/// meters' measurements, so tests running in parallel never see each other's numbers.
/// </summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> _measurements = new();
    private readonly ConcurrentDictionary<string, int> _gauges = new();

    public TestMeterFactory()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, this))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _gauges[instrument.Name] = value);
        _listener.Start();
    }

    public Meter Create(MeterOptions options) => new(options.Name, options.Version, options.Tags, scope: this);

    /// <summary>The sum of a counter's measurements whose tags include every given pair.</summary>
    public long Sum(string instrument, params (string Key, string Value)[] tags) => _measurements
        .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value))
        .Sum(m => m.Value);

    /// <summary>The current value of an observable gauge.</summary>
    public int Gauge(string instrument)
    {
        _listener.RecordObservableInstruments();
        return _gauges.TryGetValue(instrument, out var value) ? value : -1;
    }

    public void Dispose() => _listener.Dispose();
}
