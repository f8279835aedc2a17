using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperFeed.Worker.Ingest.Live;

namespace PaperFeed.IntegrationTests.Ingest.Live;

/// <summary>The politeness delay, on a fake clock: arXiv's three seconds without waiting them.</summary>
public sealed class RequestPacerTests
{
    [Fact]
    public async Task By_default_a_request_starts_three_seconds_after_the_previous_one()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider();
        using var pacer = new RequestPacer(Options.Create(new FetchOptions()), clock);

        await pacer.WaitTurnAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct); // the first goes at once
        var second = pacer.WaitTurnAsync(ct);
        clock.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(100, ct);
        Assert.False(second.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(TimeSpan.FromSeconds(5), ct);

        var third = pacer.WaitTurnAsync(ct); // counted from the second's start, not from the first's
        clock.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(100, ct);
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await third.WaitAsync(TimeSpan.FromSeconds(5), ct);
    }

    [Fact]
    public async Task A_request_after_a_long_pause_starts_at_once()
    {
        var clock = new FakeTimeProvider();
        using var pacer = new RequestPacer(Options.Create(new FetchOptions()), clock);
        await pacer.WaitTurnAsync(TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(pacer.WaitTurnAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }
}
