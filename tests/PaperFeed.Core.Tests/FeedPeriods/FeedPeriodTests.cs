using PaperFeed.Core.FeedPeriods;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.FeedPeriods;

public class FeedPeriodTests
{
    [Fact]
    public void A_day_runs_from_its_midnight_to_the_next_in_UTC()
    {
        Assert.True(FeedPeriodParser.TryParseDay("2024-02-29", out var day, out _));

        Assert.Equal(FeedPeriodKind.Day, day.Kind);
        Assert.Equal("2024-02-29", day.Key);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), day.StartsAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), day.EndsAt);
    }

    [Theory]
    // 2025-W01 starts on Monday 2024-12-30: the week with the year's first Thursday.
    [InlineData("2025-W01", "2024-12-30", "2025-01-06")]
    [InlineData("2025-W10", "2025-03-03", "2025-03-10")]
    [InlineData("2025-W52", "2025-12-22", "2025-12-29")]
    // 2020 and 2026 start on a Thursday, so they have a week 53 reaching into January.
    [InlineData("2020-W53", "2020-12-28", "2021-01-04")]
    [InlineData("2026-W53", "2026-12-28", "2027-01-04")]
    [InlineData("2027-W01", "2027-01-04", "2027-01-11")]
    // 2015 starts on a Thursday as well.
    [InlineData("2015-W53", "2015-12-28", "2016-01-04")]
    public void An_iso_week_runs_from_monday_to_the_next_monday(string text, string monday, string nextMonday)
    {
        Assert.True(FeedPeriodParser.TryParseWeek(text, out var week, out var error), error);

        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), week.Start);
        Assert.Equal(DateOnly.Parse(nextMonday, System.Globalization.CultureInfo.InvariantCulture), week.End);
        Assert.Equal(DayOfWeek.Monday, week.Start.DayOfWeek);
        Assert.Equal(text, week.Key);
    }

    [Theory]
    // Days near New Year belong to the ISO week-year of their Thursday.
    [InlineData("2021-01-03", "2020-W53")]
    [InlineData("2021-01-04", "2021-W01")]
    [InlineData("2024-12-29", "2024-W52")]
    [InlineData("2024-12-30", "2025-W01")]
    [InlineData("2025-01-01", "2025-W01")]
    [InlineData("2027-01-03", "2026-W53")]
    [InlineData("2025-03-09", "2025-W10")]
    public void The_week_containing_a_day_is_the_iso_week(string day, string key)
    {
        var week = FeedPeriod.Containing(FeedPeriodKind.Week, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(key, week.Key);
    }

    [Theory]
    [InlineData("2024-02", "2024-02-01", "2024-03-01")]
    [InlineData("2025-02", "2025-02-01", "2025-03-01")]
    [InlineData("2025-12", "2025-12-01", "2026-01-01")]
    public void A_month_runs_from_its_first_day_to_the_next_months(string text, string first, string next)
    {
        Assert.True(FeedPeriodParser.TryParseMonth(text, out var month, out _));

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), month.Start);
        Assert.Equal(DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture), month.End);
        Assert.Equal(text, month.Key);
    }

    [Theory]
    [InlineData("2025-3-4")]
    [InlineData("2025-03-4")]
    [InlineData("20250304")]
    [InlineData(" 2025-03-04")]
    [InlineData("2025-03-04 ")]
    [InlineData("2025-03-04T00:00:00Z")]
    [InlineData("2025-02-29")]
    [InlineData("2025-13-01")]
    [InlineData("04/03/2025")]
    [InlineData("")]
    public void Malformed_days_are_refused_with_the_expected_form(string text)
    {
        Assert.False(FeedPeriodParser.TryParseDay(text, out _, out var error));
        Assert.Contains("YYYY-MM-DD", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("3000-01-01")]
    [InlineData("0001-01-01")]
    public void Days_outside_the_supported_range_are_refused(string text)
    {
        Assert.False(FeedPeriodParser.TryParseDay(text, out _, out var error));
        Assert.Contains("between 1900-01-01 and 2999-12-31", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-W1")]
    [InlineData("2025-w10")]
    [InlineData("2025W10")]
    [InlineData("2025-W100")]
    [InlineData("25-W10")]
    [InlineData("2025-10")]
    public void Malformed_weeks_are_refused_with_the_expected_form(string text)
    {
        Assert.False(FeedPeriodParser.TryParseWeek(text, out _, out var error));
        Assert.Contains("YYYY-Www", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-W53", "W52")]
    [InlineData("2021-W53", "W52")]
    [InlineData("2025-W00", "W52")]
    [InlineData("2020-W54", "W53")]
    public void Weeks_the_year_does_not_have_are_refused(string text, string lastWeek)
    {
        Assert.False(FeedPeriodParser.TryParseWeek(text, out _, out var error));
        Assert.Contains(lastWeek, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1899-W52")]
    [InlineData("3000-W01")]
    public void Weeks_outside_the_supported_years_are_refused(string text)
    {
        Assert.False(FeedPeriodParser.TryParseWeek(text, out _, out var error));
        Assert.Contains("1900 to 2999", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-3")]
    [InlineData("2025-03-01")]
    [InlineData("1899-12")]
    [InlineData("3000-01")]
    public void Malformed_or_out_of_range_months_are_refused(string text)
    {
        Assert.False(FeedPeriodParser.TryParseMonth(text, out _, out var error));
        Assert.StartsWith("month", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_value_is_echoed_short_and_on_one_line()
    {
        Assert.False(FeedPeriodParser.TryParseDay("2025\n" + new string('x', 500), out _, out var error));

        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
        Assert.True(error.Length < 200);
    }

    [Theory]
    [InlineData(FeedPeriodKind.Day, DatePrecision.Day, true)]
    [InlineData(FeedPeriodKind.Day, DatePrecision.Month, false)]
    [InlineData(FeedPeriodKind.Day, DatePrecision.Year, false)]
    [InlineData(FeedPeriodKind.Week, DatePrecision.Day, true)]
    [InlineData(FeedPeriodKind.Week, DatePrecision.Month, false)]
    [InlineData(FeedPeriodKind.Month, DatePrecision.Day, true)]
    [InlineData(FeedPeriodKind.Month, DatePrecision.Month, true)]
    [InlineData(FeedPeriodKind.Month, DatePrecision.Year, false)]
    public void Papers_known_only_by_month_belong_to_month_feeds_only(FeedPeriodKind kind, DatePrecision precision, bool listed)
    {
        var period = FeedPeriod.Containing(kind, new DateOnly(2025, 3, 1));

        Assert.Equal(listed, period.Lists(precision));
    }
}
