using System.Text;
using PaperFeed.Core.Ingest.AclAnthology;

namespace PaperFeed.Core.Tests.Ingest.AclAnthology;

public class AclAnthologyRecognitionTests
{
    private readonly AclAnthologyXmlParser _parser = new();

    [Theory]
    [InlineData("2023.jeptalnrecital.xml")]
    [InlineData("2024.woah.xml")]
    [InlineData("2023.udfestbr.xml")]
    public void Real_collection_files_are_recognised(string file)
    {
        var head = Encoding.UTF8.GetString(AclXml.Fixture(file).AsSpan(0, 4096));

        Assert.True(_parser.Recognizes(head));
    }

    [Theory]
    [InlineData("<collection id=\"2023.acl\">\n  <volume id=\"long\">")]
    [InlineData("<?xml version='1.0' encoding='UTF-8'?>\n<collection id=\"2023.acl\">")]
    [InlineData("\uFEFF<?xml version=\"1.0\"?>\r\n\r\n<collection id=\"2023.acl\">")]
    [InlineData("<?xml version='1.0'?>\n<!-- exported 2024-08-15 -->\n<collection\n  id=\"2023.acl\">")]
    [InlineData("<collection/>")]
    public void Collection_root_is_recognised_after_declaration_and_comments(string head) =>
        Assert.True(_parser.Recognizes(head));

    [Theory]
    [InlineData("<?xml version='1.0'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")]
    [InlineData("<?xml version='1.0'?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">")]
    [InlineData("<?xml version='1.0'?>\n<collections>")]
    [InlineData("<?xml version='1.0'?>\n<rss><channel><collection>")]
    [InlineData("{\"id\": \"2301.00001\", \"title\": \"<collection>\"}")]
    [InlineData("Daily Papers\n\nDec 8\n\n<collection> of papers")]
    [InlineData("")]
    public void Other_roots_and_text_are_not_recognised(string head) =>
        Assert.False(_parser.Recognizes(head));
}
