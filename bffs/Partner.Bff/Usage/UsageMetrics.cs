using System.Diagnostics.Metrics;

namespace Partner.Bff.Usage;

/// <summary>
/// The <c>Bff.Partner</c> meter (exported on <c>/metrics</c> like every <c>Bff.*</c> meter):
/// <c>bff_partner_requests_total</c> with labels <c>partner</c> (client id), <c>version</c> (v1, v2) and
/// <c>status</c> (the HTTP status code answered).
/// </summary>
internal sealed class UsageMetrics
{
    public const string MeterName = "Bff.Partner";

    private readonly Counter<long> _requests;

    public UsageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("bff.partner.requests", unit: "{request}", description: "Partner API requests answered, by partner, API version and status.");
    }

    public void Record(string partner, string version, int status) =>
        _requests.Add(1, new KeyValuePair<string, object?>("partner", partner), new KeyValuePair<string, object?>("version", version), new KeyValuePair<string, object?>("status", status));
}
