using PaperFeed.Core.Ingest;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest;

public class PaperDatesTests
{
    [Fact]
    public void Day_starts_at_midnight_utc() =>
        Assert.Equal(new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero), PaperDates.StartOf(new DateOnly(2025, 3, 18)));

    [Theory]
    [InlineData("2025-02-11T17:23:52Z", 2025, 2, 11)]
    [InlineData("2016-03-01T22:30:00-04:00", 2016, 3, 2)]
    [InlineData(" 2024-04-06T03:40:36.000Z ", 2024, 4, 6)]
    [InlineData("2024-11-28", 2024, 11, 28)]
    public void Timestamp_gives_its_utc_day(string text, int year, int month, int day)
    {
        Assert.True(PaperDates.TryReadUtcDay(text, out DateTimeOffset read));
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), read);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    public void Unreadable_timestamp_is_refused(string? text) => Assert.False(PaperDates.TryReadUtcDay(text, out _));

    [Theory]
    [InlineData("1401.3665v4", 2014, 1)]
    [InlineData("2411.17700", 2024, 11)]
    [InlineData("0704.0001", 2007, 4)]
    [InlineData("hep-th/9901001v2", 1999, 1)]
    [InlineData("math.GT/0309136", 2003, 9)]
    [InlineData("cond-mat/0412498v1", 2004, 12)]
    public void Submission_month_is_the_one_the_id_encodes(string id, int year, int month)
    {
        Assert.Equal(new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero), PaperDates.SubmissionMonth(ArxivId.Parse(id)));
    }
}
