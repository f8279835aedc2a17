using PaperFeed.Core.Ingest.ArxivListing;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest.ArxivListing;

public class AnnouncementDatesTests
{
    [Theory]
    [InlineData("Thu, 28 Nov 2024 00:00:00 -0500", 2024, 11, 28)]
    [InlineData("28 Nov 2024 23:30:00 -0500", 2024, 11, 28)]
    [InlineData("Mon, 3 Feb 2025 00:00:00 GMT", 2025, 2, 3)]
    [InlineData("2024-11-28T00:00:00-05:00", 2024, 11, 28)]
    [InlineData("2024-11-28T23:30:00-05:00", 2024, 11, 28)]
    [InlineData("2024-11-28", 2024, 11, 28)]
    public void Announcement_day_is_the_date_as_printed(string text, int year, int month, int day)
    {
        Assert.True(AnnouncementDates.TryReadDay(text, out DateTimeOffset read));
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), read);
    }

    [Theory]
    [InlineData("Thu, 31 Nov 2024 00:00:00 -0500")]
    [InlineData("Thu, 28 Foo 2024 00:00:00 -0500")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData(null)]
    public void Unreadable_dates_are_refused(string? text)
    {
        Assert.False(AnnouncementDates.TryReadDay(text, out _));
    }

    [Theory]
    [InlineData("1401.3665v4", 2014, 1)]
    [InlineData("2411.17700", 2024, 11)]
    [InlineData("0704.0001", 2007, 4)]
    [InlineData("hep-th/9901001v2", 1999, 1)]
    [InlineData("math.GT/0309136", 2003, 9)]
    [InlineData("cond-mat/0412498v1", 2004, 12)]
    public void Submission_month_is_the_one_the_id_encodes(string id, int year, int month)
    {
        Assert.Equal(new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero), AnnouncementDates.SubmissionMonth(ArxivId.Parse(id)));
    }
}
