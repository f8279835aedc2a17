namespace PaperFeed.Web.Pages.Subscriptions;

/// <summary>What the shared preference fields show: the values as typed and the errors by field.</summary>
public sealed record PreferenceFieldsView(DigestPreferencesForm Form, IReadOnlyDictionary<string, string> Errors);
