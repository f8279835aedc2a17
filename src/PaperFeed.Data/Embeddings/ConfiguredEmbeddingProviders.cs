using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperFeed.Embeddings.Onnx;
using PaperFeed.Embeddings.OpenAi;

namespace PaperFeed.Data.Embeddings;

/// <summary>
/// The providers whose model is given by configuration: <c>onnx</c> (<c>Embeddings:Onnx</c>) and <c>openai</c>
/// (<c>Embeddings:OpenAi</c>). Each is registered when selected (<c>Embeddings:Provider</c>) or when its section is
/// present (so that the model it stored keeps serving queries while another provider's model is built), and its
/// options are then checked at start-up. The generator is made on first use: a host that never embeds with it never
/// loads a model or calls a server.
/// </summary>
internal static class ConfiguredEmbeddingProviders
{
    public const string Onnx = "onnx";
    public const string OpenAi = "openai";

    /// <summary>What the <c>openai</c> provider embeds once to learn its vectors' length, when <c>Dimensions</c> is unset.</summary>
    private const string DimensionsProbe = "dimensions probe";

    /// <summary>Every name <c>Embeddings:Provider</c> may take besides the built-in <c>corpus</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [Onnx, OpenAi];

    public static IServiceCollection AddConfiguredEmbeddingProviders(this IServiceCollection services, IConfiguration configuration)
    {
        var selected = configuration[$"{EmbeddingOptions.Section}:{nameof(EmbeddingOptions.Provider)}"];
        if (selected == Onnx || configuration.GetSection(OnnxEmbeddingOptions.Section).Exists())
        {
            AddOnnx(services, configuration);
        }

        if (selected == OpenAi || configuration.GetSection(OpenAiEmbeddingOptions.Section).Exists())
        {
            AddOpenAi(services, configuration);
        }

        return services;
    }

    private static void AddOnnx(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OnnxEmbeddingOptions>().Bind(configuration.GetSection(OnnxEmbeddingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OnnxEmbeddingOptions>, OwnChecks<OnnxEmbeddingOptions>>();
        services.AddSingleton<IValidateOptions<OnnxEmbeddingOptions>, OnnxModelFolderExists>();
        services.AddEmbeddingProvider(Onnx, sp =>
        {
            // The model id (ModelId, else the folder's name) and the dimensions (from the graph) are the generator's.
            var generator = new OnnxEmbeddingGenerator(sp.GetRequiredService<IOptions<OnnxEmbeddingOptions>>().Value);
            return new ExternalEmbeddingModel(generator, generator.ModelId, generator.Dimensions);
        });
    }

    private static void AddOpenAi(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenAiEmbeddingGenerator(configuration);
        services.AddOptions<OpenAiEmbeddingOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenAiEmbeddingOptions>, OwnChecks<OpenAiEmbeddingOptions>>();
        services.AddEmbeddingProvider(OpenAi, sp =>
        {
            var options = sp.GetRequiredService<IOptions<OpenAiEmbeddingOptions>>().Value;
            var generator = sp.GetRequiredService<OpenAiEmbeddingGenerator>();
            return new ExternalEmbeddingModel(generator, options.Model, options.Dimensions ?? ProbeDimensions(generator));
        });
    }

    // The provider's factory is synchronous (it runs once, on first use, from the worker's or a request's thread,
    // neither of which has a synchronization context to deadlock on).
    private static int ProbeDimensions(OpenAiEmbeddingGenerator generator) =>
        generator.GenerateAsync([DimensionsProbe]).GetAwaiter().GetResult()[0].Vector.Length;

    /// <summary>
    /// The options' own checks (<see cref="IValidatableObject"/>), as
    /// <c>ValidateDataAnnotations</c> runs them but without reading every property to look for nested options:
    /// <see cref="OpenAiEmbeddingOptions.EmbeddingsEndpoint"/> throws on the very mistake to report.
    /// </summary>
    private sealed class OwnChecks<T> : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(result => result.ErrorMessage ?? ""));
        }
    }

    /// <summary>A missing folder fails at start-up, not at the first paper; an empty path is the data annotations' to report.</summary>
    private sealed class OnnxModelFolderExists : IValidateOptions<OnnxEmbeddingOptions>
    {
        public ValidateOptionsResult Validate(string? name, OnnxEmbeddingOptions options) =>
            string.IsNullOrWhiteSpace(options.ModelPath) || Directory.Exists(options.ModelPath)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"The ONNX embedding model folder {Path.GetFullPath(options.ModelPath)} ({OnnxEmbeddingOptions.Section}:ModelPath) does not exist.");
    }
}
