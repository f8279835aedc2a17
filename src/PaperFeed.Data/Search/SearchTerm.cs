using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaperFeed.Data.Search;

/// <summary>
/// A term of the lexical index and the number of papers that contain it: BM25's inverse document frequency.
/// Kept up to date by the search indexer as papers are indexed, re-indexed or deleted.
/// </summary>
public sealed class SearchTerm
{
    /// <summary>The term's id, as in <see cref="PaperSearchDocument.Terms"/>: a hash of the analysed (stemmed) token.</summary>
    public int TermId { get; set; }

    public int DocumentFrequency { get; set; }
}

internal sealed class SearchTermConfiguration : IEntityTypeConfiguration<SearchTerm>
{
    public void Configure(EntityTypeBuilder<SearchTerm> term)
    {
        term.ToTable("search_terms");
        term.HasKey(t => t.TermId);
        term.Property(t => t.TermId).ValueGeneratedNever();
    }
}
