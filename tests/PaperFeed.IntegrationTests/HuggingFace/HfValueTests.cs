using PaperFeed.Data.HuggingFace;
using PaperFeed.Web.HuggingFace;

namespace PaperFeed.IntegrationTests.HuggingFace;

/// <summary>The values the Hugging Face-compatible API computes, without a database.</summary>
public sealed class HfValueTests
{
    [Theory]
    [InlineData("2026-05-30T00:00:00Z", "2026-05-29T20:00:00.000Z")] // summer: UTC-4, as the 2026 sample
    [InlineData("2021-11-26T10:56:19Z", "2021-11-26T05:56:19.000Z")] // winter: UTC-5, as the search sample
    [InlineData("2025-11-02T00:00:00Z", "2025-11-01T20:00:00.000Z")] // the night summer time ends
    public void Entry_published_at_is_the_paper_time_on_us_eastern_clocks(string paper, string entry) =>
        Assert.Equal(entry, HfDateJsonConverter.Text(HfDates.EntryPublishedAt(DateTimeOffset.Parse(paper, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Object_ids_are_24_hex_digits_the_same_every_time_and_apart_by_kind()
    {
        var discussion = HfObjectId.Discussion("2606.00467");

        Assert.Matches("^[0-9a-f]{24}$", discussion);
        Assert.Equal(discussion, HfObjectId.Discussion("2606.00467"));
        Assert.NotEqual(discussion, HfObjectId.Discussion("2606.00468"));
        Assert.NotEqual(HfObjectId.Author("2606.00467", 0), HfObjectId.Author("2606.00467", 1));
        Assert.NotEqual(HfObjectId.For("user", "x"), HfObjectId.For("discussion", "x"));
    }

    [Theory]
    [InlineData(2025, 44, "2025-10-27", "2025-11-02")]
    [InlineData(2026, 1, "2025-12-29", "2026-01-04")] // an ISO year may start in December
    [InlineData(2021, 52, "2021-12-27", "2022-01-02")]
    public void A_week_is_monday_to_sunday_of_the_iso_week(int year, int week, string first, string last)
    {
        var days = DailyListDays.OfIsoWeek(year, week);

        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), (days.First, days.Last));
    }

    [Fact]
    public void A_month_runs_to_its_last_day_and_the_calendar_s_last_day_has_no_end()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), DailyListDays.OfMonth(2024, 2).Last);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), DailyListDays.OfMonth(2024, 2).End);
        Assert.Null(DailyListDays.OfDay(DateOnly.MaxValue).End);
    }

    [Theory]
    [InlineData(null, null, null, null, null, null, null)]
    [InlineData("2025-10-29", null, null, "100", "3", "publishedAt", "akhaliq")]
    [InlineData(null, "2025-W52", null, "1", "0", "trending", null)]
    [InlineData(null, null, "2025-02", null, "2147483647", null, null)]
    public void Requests_huggingface_accepts_are_accepted(string? date, string? week, string? month, string? limit, string? p, string? sort, string? submitter) =>
        Assert.True(DailyPapersRequest.TryParse(date, week, month, limit, p, sort, submitter, out _, out var error), error);

    [Fact]
    public void A_request_without_parameters_is_the_first_page_of_50_of_the_latest_day()
    {
        Assert.True(DailyPapersRequest.TryParse(null, null, null, null, null, null, null, out DailyPapersRequest? request, out _));

        Assert.Equal(new DailyPapersRequest(null, 0, 50, DailyPapersSort.PublishedAt, null), request);
    }

    [Theory]
    [InlineData("2025-02-29")]
    [InlineData("2025-1-05")]
    [InlineData("2025-01-05T00:00")]
    public void An_impossible_or_misspelt_date_is_refused(string date) =>
        Assert.False(DailyPapersRequest.TryParse(date, null, null, null, null, null, null, out _, out _));

    [Theory]
    [InlineData("2026-W53")]
    [InlineData("2025-W5")]
    [InlineData("2025W05")]
    [InlineData("0000-W01")]
    public void Week_53_and_misspelt_weeks_are_refused(string week) =>
        Assert.False(DailyPapersRequest.TryParse(null, week, null, null, null, null, null, out _, out _));

    [Theory]
    [InlineData("2025-2")]
    [InlineData("2025-00")]
    [InlineData("2025-02-01")]
    public void Misspelt_months_are_refused(string month) =>
        Assert.False(DailyPapersRequest.TryParse(null, null, month, null, null, null, null, out _, out _));

    [Theory]
    [InlineData("101", null)]
    [InlineData("+5", null)]
    [InlineData(" 5", null)]
    [InlineData(null, "1.5")]
    [InlineData(null, "2147483648")]
    public void Limits_and_pages_out_of_range_are_refused(string? limit, string? p) =>
        Assert.False(DailyPapersRequest.TryParse(null, null, null, limit, p, null, null, out _, out _));
}
