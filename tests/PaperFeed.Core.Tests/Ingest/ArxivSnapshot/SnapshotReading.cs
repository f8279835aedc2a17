using PaperFeed.Core.Ingest;
using PaperFeed.Core.Ingest.ArxivSnapshot;
using PaperFeed.Core.Papers;

namespace PaperFeed.Core.Tests.Ingest.ArxivSnapshot;

/// <summary>Snapshot text and files read the way the ingest reads them, through <see cref="PaperSourceReader"/>.</summary>
internal static class SnapshotReading
{
    public const string Sample = "arxiv-snapshot/snapshot-2025-sample.jsonl";

    public const string ManyAuthors = "arxiv-snapshot/snapshot-3303-authors.jsonl";

    public static readonly PaperSourceReader Reader = new([new ArxivSnapshotParser()]);

    /// <summary>
    /// A line in the Kaggle file's own layout (compact JSON, hard-wrapped title, TeX accents in "authors"),
    /// as arXiv 0704.0001 appears there.
    /// </summary>
    public const string KaggleLine =
        """{"id":"0704.0001","submitter":"Pavel Nadolsky","authors":"C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan","title":"Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies","comments":"37 pages, 15 figures; published version","journal-ref":"Phys.Rev.D76:013009,2007","doi":"10.1103/PhysRevD.76.013009","report-no":"ANL-HEP-PR-07-12","categories":"hep-ph","license":null,"abstract":"  A fully differential calculation in perturbative quantum chromodynamics is\npresented for the production of massive photon pairs at hadron colliders. All\nnext-to-leading order perturbative contributions from quark-antiquark,\ngluon-(anti)quark, and gluon-gluon subprocesses are included, as well as\nall-orders resummation of initial-state gluon radiation valid at\nnext-to-next-to-leading logarithmic accuracy.\n","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},{"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"}],"update_date":"2008-11-13","authors_parsed":[["Balázs","C.",""],["Berger","E. L.",""],["Nadolsky","P. M.",""],["Yuan","C. -P.",""]]}""";

    /// <summary>A snapshot of any size: the sample's lines over and over (ids repeat, which the parser does not mind).</summary>
    public static GeneratedStream Generated(long minimumSize) => new([], SampleFiles.Fixture(Sample), [], [], minimumSize);

    public static Task<List<SourceEntry>> ReadAsync(string text) => SourceReading.ReadAllAsync(text, reader: Reader);

    public static Task<List<SourceEntry>> ReadAsync(byte[] bytes) => SourceReading.ReadAllAsync(bytes, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(string text) => SourceReading.FailureAsync(text, reader: Reader);

    public static Task<SourceFormatException> FailureAsync(byte[] bytes) => SourceReading.FailureAsync(bytes, reader: Reader);

    public static Task<PaperRecord> SinglePaperAsync(string text) => SourceReading.SinglePaperAsync(text, Reader);

    public static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
