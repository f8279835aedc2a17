using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperFeed.Web.HuggingFace;

/// <summary>
/// Dates as huggingface.co writes them: ISO 8601 in UTC with milliseconds, <c>2026-06-12T00:00:00.000Z</c>
/// (System.Text.Json would write <c>2026-06-12T00:00:00+00:00</c>).
/// </summary>
public sealed class HfDateJsonConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("a date must be a string"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Text(value));
    }

    public static string Text(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}

/// <summary>The dates of the Hugging Face API that are not plain copies of PaperFeed's.</summary>
public static class HfDates
{
    // Where huggingface.co's Daily Papers live: arXiv announces on US-Eastern time.
    private static readonly Lazy<TimeZoneInfo> UsEastern = new(() => TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    /// <summary>
    /// The entry-level <c>publishedAt</c> of a Daily Papers or search entry. In every 2025–2026 response it is the
    /// paper's <c>publishedAt</c> read as US-Eastern wall-clock time and written as if it were UTC
    /// (<c>2026-05-30T00:00:00.000Z</c> → <c>2026-05-29T20:00:00.000Z</c>, 5 h in winter), so clients that compare
    /// it with a week or month range see the same values here.
    /// </summary>
    public static DateTimeOffset EntryPublishedAt(DateTimeOffset paperPublishedAt) =>
        new(TimeZoneInfo.ConvertTime(paperPublishedAt, UsEastern.Value).DateTime, TimeSpan.Zero);

    /// <summary>Midnight UTC of the day a paper published at <paramref name="publishedAt"/> is on PaperFeed's daily list.</summary>
    public static DateTimeOffset DailyListDay(DateTimeOffset publishedAt) =>
        new(publishedAt.UtcDateTime.Date, TimeSpan.Zero);
}
