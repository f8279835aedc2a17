using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace PaperFeed.Data.Search.Lexical;

/// <summary>
/// What a ranked paper must also satisfy: the user's <see cref="SearchFilter"/>, the terms of quoted phrases
/// (<see cref="RequiredTerms"/>), not being the paper a similarity search starts from. Applied inside the candidate
/// query, before the top k is cut, so a selective filter still gets its own best matches.
/// </summary>
internal sealed record CandidateRestriction(SearchFilter Filter, int[]? RequiredTerms = null, string? ExcludedPaperId = null)
{
    public static CandidateRestriction None { get; } = new(SearchFilter.None);

    /// <summary>True when a condition reads <c>papers</c> (alias <c>p</c>); the others read <c>paper_search</c> (<c>s</c>).</summary>
    public bool ReadsPapers => !Filter.IsEmpty;

    /// <summary>Appends <c> AND …</c> for each condition (those on papers optionally), with its parameters.</summary>
    public void AppendTo(StringBuilder where, NpgsqlParameterCollection parameters, bool paperConditions = true)
    {
        if (paperConditions)
        {
            AppendPaperConditions(where, parameters);
        }

        if (RequiredTerms is { Length: > 0 })
        {
            where.Append(" AND s.terms @> @required");
            parameters.Add(new NpgsqlParameter("required", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = RequiredTerms });
        }

        if (ExcludedPaperId is not null)
        {
            where.Append(" AND s.paper_id <> @excluded");
            parameters.Add(new NpgsqlParameter("excluded", NpgsqlDbType.Text) { Value = ExcludedPaperId });
        }
    }

    /// <summary>The filter's conditions on <c>papers p</c>: published in [From, To] (UTC days), in Category.</summary>
    public void AppendPaperConditions(StringBuilder where, NpgsqlParameterCollection parameters)
    {
        if (Filter.From is { } from)
        {
            where.Append(" AND p.published_at >= @from");
            parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = StartOfUtcDay(from) });
        }

        if (Filter.To is { } to)
        {
            where.Append(" AND p.published_at < @to");
            parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = StartOfUtcDay(to.AddDays(1)) });
        }

        if (Filter.Category is { } category)
        {
            where.Append(" AND p.categories @> ARRAY[@category]::text[]");
            parameters.Add(new NpgsqlParameter("category", NpgsqlDbType.Text) { Value = category });
        }
    }

    private static DateTimeOffset StartOfUtcDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
