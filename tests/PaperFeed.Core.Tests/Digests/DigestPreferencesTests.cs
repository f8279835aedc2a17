using PaperFeed.Core.Digests;

namespace PaperFeed.Core.Tests.Digests;

public sealed class DigestPreferencesTests
{
    [Fact]
    public void Everything_but_the_address_has_a_default()
    {
        var preferences = DigestPreferences.TryCreate(null, null, null, null, null, null, out var problem);

        Assert.Null(problem);
        Assert.Equal(DigestFrequency.Daily, preferences!.Frequency);
        Assert.Equal(7, preferences.SendHour);
        Assert.Equal("UTC", preferences.TimeZone);
        Assert.Empty(preferences.Papers);
        Assert.Empty(preferences.Categories);
        Assert.Empty(preferences.Interests);
    }

    [Theory]
    [InlineData("hourly", 7, "UTC", "frequency")]
    [InlineData("weekly", 24, "UTC", "sendHour")]
    [InlineData("daily", -1, "UTC", "sendHour")]
    [InlineData("daily", 7, "Mars/Olympus", "timeZone")]
    [InlineData("daily", 7, "W. Europe Standard Time", "timeZone")]
    public void Bad_values_name_their_field(string frequency, int hour, string zone, string field)
    {
        Assert.Null(DigestPreferences.TryCreate(frequency, hour, zone, null, null, null, out var problem));
        Assert.Equal(field, problem!.Value.Field);
    }

    [Fact]
    public void Interests_are_trimmed_deduplicated_and_bounded()
    {
        var preferences = DigestPreferences.TryCreate("Weekly", 0, "Europe/Berlin", ["  graph  neural\nnetworks ", "Graph neural networks", "", null], null, ["cs.LG"], out _);

        Assert.Equal(["graph neural networks"], preferences!.Interests);
        Assert.Equal(DigestFrequency.Weekly, preferences.Frequency);

        Assert.Null(DigestPreferences.TryCreate(null, null, null, Enumerable.Range(0, 21).Select(i => $"topic {i}").ToList(), null, null, out var tooMany));
        Assert.Equal("interests", tooMany!.Value.Field);
    }

    [Theory]
    [InlineData("ada@example.org", true)]
    [InlineData("  Ada@Example.org ", true)]
    [InlineData("Ada <ada@example.org>", false)]
    [InlineData("ada@localhost", false)]
    [InlineData("not an address", false)]
    [InlineData("ada@example.org\r\nBcc: x@example.org", false)]
    public void Addresses_are_plain_and_keyed_in_lower_case(string text, bool valid)
    {
        var parsed = SubscriberAddress.Parse(text, out var problem);

        Assert.Equal(valid, parsed is not null);
        Assert.Equal(valid, problem is null);
        if (parsed is { } address)
        {
            Assert.Equal(text.Trim(), address.Address);
            Assert.Equal("ada@example.org", address.Key);
        }
    }
}
