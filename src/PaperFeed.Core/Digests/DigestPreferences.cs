namespace PaperFeed.Core.Digests;

/// <summary>What a subscriber wants: how often, at which local hour, and about what.</summary>
public sealed record DigestPreferences(
    DigestFrequency Frequency, int SendHour, string TimeZone,
    IReadOnlyList<string> Interests, IReadOnlyList<string> Papers, IReadOnlyList<string> Categories)
{
    public const int DefaultSendHour = 7;
    public const string DefaultTimeZone = "UTC";
    public const int MaxInterests = 20;
    public const int MaxInterestLength = 200;
    public const int MaxPapers = 50;
    public const int MaxCategories = 20;

    /// <summary>
    /// Checks raw input and fills in the defaults (daily, 07:00, UTC, nothing else); on a problem, returns null with
    /// the field at fault and what is wrong with it.
    /// </summary>
    public static DigestPreferences? TryCreate(
        string? frequency, int? sendHour, string? timeZone,
        IReadOnlyList<string?>? interests, IReadOnlyList<string?>? papers, IReadOnlyList<string?>? categories,
        out (string Field, string Message)? problem)
    {
        problem = null;
        var parsedFrequency = DigestFrequency.Daily;
        if (frequency is not null && !Enum.TryParse(frequency, ignoreCase: true, out parsedFrequency) || !Enum.IsDefined(parsedFrequency))
        {
            problem = ("frequency", "frequency must be \"daily\" or \"weekly\".");
            return null;
        }

        if (sendHour is < 0 or > 23)
        {
            problem = ("sendHour", "sendHour must be an hour of the day, 0 to 23.");
            return null;
        }

        var zone = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) || !found.HasIanaId)
        {
            problem = ("timeZone", $"timeZone '{zone}' is not an IANA time zone id such as Europe/Berlin or America/New_York.");
            return null;
        }

        var topics = Clean(interests, MaxInterests, MaxInterestLength, "interests", ref problem);
        var followed = Clean(papers, MaxPapers, 64, "papers", ref problem);
        var kept = Clean(categories, MaxCategories, 32, "categories", ref problem);
        if (problem is not null)
        {
            return null;
        }

        return new DigestPreferences(parsedFrequency, sendHour ?? DefaultSendHour, zone, topics!, followed!, kept!);
    }

    private static List<string>? Clean(IReadOnlyList<string?>? values, int maxCount, int maxLength, string field, ref (string, string)? problem)
    {
        var cleaned = (values ?? [])
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => MailHeaderText.Clean(v!, int.MaxValue))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (problem is null && cleaned.Count > maxCount)
        {
            problem = (field, $"{field} holds at most {maxCount} entries.");
        }
        else if (problem is null && cleaned.FirstOrDefault(v => v.Length > maxLength) is { } tooLong)
        {
            problem = (field, $"each entry of {field} has at most {maxLength} characters; '{tooLong[..20]}…' has {tooLong.Length}.");
        }

        return cleaned;
    }
}
