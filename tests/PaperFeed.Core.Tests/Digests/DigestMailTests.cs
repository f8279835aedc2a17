using PaperFeed.Core.Digests;

namespace PaperFeed.Core.Tests.Digests;

public sealed class DigestMailTests
{
    private static readonly MailLinks Links = new("https://papers.example.org/", "https://papers.example.org/subscriptions/manage?token=m", "https://papers.example.org/unsubscribe?token=u");

    private static DigestItem Item(string title, string? reason = null) =>
        new("2611.00001", title, ["Ada Lovelace", "Alan Turing"], "An abstract <with> markup & more.", "https://arxiv.org/abs/2611.00001",
            new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), 12, reason);

    [Fact]
    public void Subject_from_a_title_with_line_breaks_is_one_line()
    {
        var content = new DigestContent(DigestFrequency.Daily, [Item("Attention\r\nBcc: someone@example.org")], [Item("Second")]);

        var subject = DigestMailSubject.For(content);

        Assert.Equal("PaperFeed daily: Attention Bcc: someone@example.org and 1 more", subject);
    }

    [Fact]
    public void Html_part_encodes_paper_text_and_uses_inline_styled_tables()
    {
        var content = new DigestContent(DigestFrequency.Weekly, [Item("<script>alert(1)</script> & co")], [Item("Pick", "Matches “graphs”")]);

        var html = DigestMailHtml.Render(content, Links);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.Contains("An abstract &lt;with&gt; markup &amp; more.", html, StringComparison.Ordinal);
        Assert.Contains("<table role=\"presentation\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://papers.example.org/unsubscribe?token=u\"", html, StringComparison.Ordinal);
        Assert.Contains("Matches “graphs”", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_part_lists_every_paper_with_its_link_and_the_footer_links()
    {
        var content = new DigestContent(DigestFrequency.Daily, [Item("First")], [Item("Second", "Matches “x”")]);

        var text = DigestMailText.Render(content, Links);

        Assert.Contains("1. First", text, StringComparison.Ordinal);
        Assert.Contains("Picked for you", text, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace, Alan Turing · 22 Nov 2026 · ▲ 12", text, StringComparison.Ordinal);
        Assert.Contains("https://arxiv.org/abs/2611.00001", text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: https://papers.example.org/unsubscribe?token=u", text, StringComparison.Ordinal);
    }
}
