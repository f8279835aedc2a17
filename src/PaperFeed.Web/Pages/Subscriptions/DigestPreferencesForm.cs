using System.Globalization;
using PaperFeed.Core.Digests;
using PaperFeed.Data.Digests;

namespace PaperFeed.Web.Pages.Subscriptions;

/// <summary>
/// The preference fields of the subscribe and manage forms, as typed: interests one per line, categories separated by
/// spaces or commas. Checked by <see cref="DigestPreferences.TryCreate"/>, as the REST API checks them.
/// </summary>
public sealed class DigestPreferencesForm
{
    /// <summary>Zones offered in the time-zone field's list; any other IANA id may be typed.</summary>
    public static readonly IReadOnlyList<string> CommonTimeZones =
    [
        "UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Moscow", "Africa/Lagos", "Africa/Johannesburg",
        "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney", "Pacific/Auckland",
        "America/Sao_Paulo", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    ];

    public string Frequency { get; set; } = "daily";

    public string SendHour { get; set; } = DigestPreferences.DefaultSendHour.ToString(CultureInfo.InvariantCulture);

    public string TimeZone { get; set; } = DigestPreferences.DefaultTimeZone;

    public string? Interests { get; set; }

    public string? Categories { get; set; }

    public static DigestPreferencesForm Of(Subscriber subscriber) => new()
    {
        Frequency = subscriber.Frequency.ToString().ToLowerInvariant(),
        SendHour = subscriber.SendHour.ToString(CultureInfo.InvariantCulture),
        TimeZone = subscriber.TimeZone,
        Interests = string.Join("\n", subscriber.Interests),
        Categories = string.Join(" ", subscriber.Categories),
    };

    /// <summary>
    /// The preferences, or null with every faulty field's message in <paramref name="errors"/> (each field is checked
    /// on its own, so that all the mistakes show at once, not one per submit).
    /// </summary>
    public DigestPreferences? Validate(IReadOnlyList<string> papers, IDictionary<string, string> errors)
    {
        int? hour = null;
        if (!string.IsNullOrWhiteSpace(SendHour))
        {
            if (!int.TryParse(SendHour.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                errors["sendHour"] = "sendHour must be an hour of the day, 0 to 23.";
            }

            hour = parsed;
        }

        var interests = Interests?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        var categories = Categories?.Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries) ?? [];
        Check(DigestPreferences.TryCreate(Frequency, null, null, null, null, null, out var problem) is null, problem, errors);
        Check(!errors.ContainsKey("sendHour") && DigestPreferences.TryCreate(null, hour, null, null, null, null, out problem) is null, problem, errors);
        Check(DigestPreferences.TryCreate(null, null, TimeZone, null, null, null, out problem) is null, problem, errors);
        Check(DigestPreferences.TryCreate(null, null, null, interests, null, null, out problem) is null, problem, errors);
        Check(DigestPreferences.TryCreate(null, null, null, null, null, categories, out problem) is null, problem, errors);
        Check(DigestPreferences.TryCreate(null, null, null, null, papers, null, out problem) is null, problem, errors);
        return errors.Count > 0 ? null : DigestPreferences.TryCreate(Frequency, hour, TimeZone, interests, papers, categories, out _);
    }

    private static void Check(bool failed, (string Field, string Message)? problem, IDictionary<string, string> errors)
    {
        if (failed && problem is { } p)
        {
            errors[p.Field] = p.Message;
        }
    }
}
