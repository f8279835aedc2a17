using System.ComponentModel.DataAnnotations;

namespace PaperFeed.Embeddings;

/// <summary>Checks a provider's options when it is built by hand, as the host's <c>ValidateDataAnnotations</c> would.</summary>
internal static class OptionsValidation
{
    public static void ThrowIfInvalid<T>(T options) where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new ArgumentException(string.Join(" ", results.Select(result => result.ErrorMessage)), nameof(options));
        }
    }
}
