namespace PaperFeed.Data.Feed;

/// <summary>Where a feed page ended: the last paper's sort key (total upvotes, publication time, id).</summary>
public sealed record FeedPosition(int TotalUpvotes, DateTimeOffset PublishedAt, string Id);
