namespace PaperFeed.Core.Ingest.OaiPmh;

/// <summary>What a harvester needs from an OAI-PMH response besides its records, which <see cref="OaiPmhParser"/> reads.</summary>
public static class OaiPmhResponse
{
    /// <summary>
    /// Reads the <c>resumptionToken</c> of a <c>ListRecords</c> (or other list) response, streaming past the
    /// records. A harvester loops while the result <see cref="OaiPmhResumptionToken.HasMore"/>:
    /// <list type="bullet">
    /// <item>null: the response holds the whole list, or no records at all (<c>noRecordsMatch</c>), so the harvest is complete;</item>
    /// <item>a token with an empty <see cref="OaiPmhResumptionToken.Value"/>: this was the last part of the list;</item>
    /// <item>otherwise: request <c>verb=ListRecords&amp;resumptionToken=</c> the value (and nothing else).</item>
    /// </list>
    /// </summary>
    /// <exception cref="SourceFormatException">
    /// The response is not OAI-PMH XML, is cut short, or is an OAI-PMH error other than <c>noRecordsMatch</c>
    /// (such as <c>badResumptionToken</c> for an expired token); the reason names the error code and message.
    /// </exception>
    public static async Task<OaiPmhResumptionToken?> ReadResumptionTokenAsync(
        TextReader response, string sourceName = "OAI-PMH response", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(sourceName);

        using OaiPmhDocument document = await OaiPmhDocument.OpenAsync(response, sourceName, loadRecords: false, cancellationToken);
        while (await document.NextRecordAsync(cancellationToken) is not null)
        {
        }

        return document.ResumptionToken;
    }
}
