using PaperFeed.Core.Ingest.ArxivListing;

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
}
