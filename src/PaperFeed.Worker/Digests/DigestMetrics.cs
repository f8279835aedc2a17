using System.Diagnostics.Metrics;

namespace PaperFeed.Worker.Digests;

/// <summary>What digest runs did, as counters of the meter <c>PaperFeed.Digests</c> (for OpenTelemetry or dotnet-counters).</summary>
public sealed class DigestMetrics
{
    public const string MeterName = "PaperFeed.Digests";

    private readonly Counter<long> _composed;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _inDoubt;

    public DigestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _composed = meter.CreateCounter<long>("paperfeed.digests.composed", "{mail}", "Digests composed and queued in the outbox");
        _sent = meter.CreateCounter<long>("paperfeed.mail.sent", "{mail}", "Mails the SMTP server accepted");
        _retried = meter.CreateCounter<long>("paperfeed.mail.retried", "{mail}", "Transient delivery failures queued for another attempt");
        _failed = meter.CreateCounter<long>("paperfeed.mail.failed", "{mail}", "Mails refused for good or out of attempts");
        _inDoubt = meter.CreateCounter<long>("paperfeed.mail.in_doubt", "{mail}", "Mails whose delivery broke off after hand-over; not resent");
    }

    public void Record(DigestRunCounts counts)
    {
        _composed.Add(counts.Composed);
        _sent.Add(counts.Sent);
        _retried.Add(counts.Retried);
        _failed.Add(counts.Failed);
        _inDoubt.Add(counts.InDoubt);
    }
}
