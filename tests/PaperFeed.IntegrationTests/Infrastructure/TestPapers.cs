using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PaperFeed.Core.Papers;
using PaperFeed.Data.Papers;

namespace PaperFeed.IntegrationTests.Infrastructure;

/// <summary>Papers made to order (dates, precision, upvotes), written straight to a test database.</summary>
public static class TestPapers
{
    public static Paper Make(
        string id, DateTimeOffset? publishedAt, int upvotes = 0, int localUpvotes = 0, DatePrecision precision = DatePrecision.Day) =>
        new()
        {
            Id = id,
            TitleKey = "title of " + id,
            Title = "Title of " + id,
            Abstract = "Abstract of " + id,
            Source = "test",
            ContentHash = SHA256.HashData(Encoding.UTF8.GetBytes(id)),
            PublishedAt = publishedAt,
            DatePrecision = precision,
            Upvotes = upvotes,
            LocalUpvotes = localUpvotes,
        };

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public static async Task InsertAsync(this TestDatabase database, params Paper[] papers)
    {
        await using var db = database.CreateDbContext();
        db.Papers.AddRange(papers);
        await db.SaveChangesAsync();
    }

    /// <summary>Empties papers (and their votes), for tests that need the whole table to themselves.</summary>
    public static async Task ClearPapersAsync(this TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM papers");
    }
}
