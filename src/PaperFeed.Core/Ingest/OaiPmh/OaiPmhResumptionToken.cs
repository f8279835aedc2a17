namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>
/// The <c>resumptionToken</c> of an OAI-PMH list response (OAI-PMH 2.0, section 3.5): how a harvester asks for
/// the next part of a list too long for one response.
/// </summary>
/// <param name="Value">
/// The token to send back as <c>verb=ListRecords&amp;resumptionToken=…</c>; empty in the last part of a list.
/// </param>
/// <param name="CompleteListSize">How many records the whole list holds, when the repository says.</param>
/// <param name="Cursor">How many records came before this response's first, when the repository says.</param>
/// <param name="ExpirationDate">When the token stops being accepted, when the repository says.</param>
public sealed record OaiPmhResumptionToken(string Value, long? CompleteListSize, long? Cursor, DateTimeOffset? ExpirationDate)
{
    /// <summary>True when the list goes on: ask again with <see cref="Value"/>.</summary>
    public bool HasMore => Value.Length > 0;
}
