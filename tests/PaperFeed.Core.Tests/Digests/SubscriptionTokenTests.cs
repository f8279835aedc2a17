using System.Security.Cryptography;
using PaperFeed.Core.Digests;

namespace PaperFeed.Core.Tests.Digests;

public sealed class SubscriptionTokenTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_signed_token_verifies_to_its_fields()
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);
        var token = new SubscriptionToken(TokenPurpose.Confirm, 42, 3, expires).Sign(Key);

        var verified = SubscriptionToken.Verify(token, Key);

        Assert.Equal(new SubscriptionToken(TokenPurpose.Confirm, 42, 3, expires), verified);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void An_altered_token_or_another_key_is_refused()
    {
        var token = new SubscriptionToken(TokenPurpose.Unsubscribe, 7, 0, null).Sign(Key);
        var altered = (token[0] == 'A' ? "B" : "A") + token[1..];

        Assert.Null(SubscriptionToken.Verify(altered, Key));
        Assert.Null(SubscriptionToken.Verify(token, RandomNumberGenerator.GetBytes(32)));
        Assert.Null(SubscriptionToken.Verify(token[..^1], Key));
        Assert.Null(SubscriptionToken.Verify("", Key));
        Assert.Null(SubscriptionToken.Verify(null, Key));
        Assert.Null(SubscriptionToken.Verify(new string('!', token.Length), Key));
    }

    [Fact]
    public void Expiry_is_reported_against_the_given_clock()
    {
        var token = new SubscriptionToken(TokenPurpose.Confirm, 1, 0, DateTimeOffset.FromUnixTimeSeconds(1000));

        Assert.False(token.IsExpired(DateTimeOffset.FromUnixTimeSeconds(999)));
        Assert.True(token.IsExpired(DateTimeOffset.FromUnixTimeSeconds(1000)));
        Assert.False(token with { ExpiresAt = null } is { } forever && forever.IsExpired(DateTimeOffset.MaxValue));
    }
}
