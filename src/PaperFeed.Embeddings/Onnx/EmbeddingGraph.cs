using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PaperFeed.Embeddings.Onnx;

/// <summary>
/// A transformer encoder loaded into ONNX Runtime, checked to be one: it takes <c>input_ids</c> (and
/// <c>attention_mask</c>, <c>token_type_ids</c> if it declares them) and gives token states
/// [batch, sequence, dimensions] (<c>last_hidden_state</c> or <c>token_embeddings</c>).
/// </summary>
internal sealed class EmbeddingGraph : IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";
    private static readonly string[] KnownInputs = [InputIds, AttentionMask, TokenTypeIds];
    private static readonly string[] PreferredOutputs = ["last_hidden_state", "token_embeddings"];

    private readonly InferenceSession _session;
    private readonly string _modelFile;
    private readonly IReadOnlyDictionary<string, TensorElementType> _inputs;
    private readonly string[] _output;

    private EmbeddingGraph(InferenceSession session, string modelFile)
    {
        _session = session;
        _modelFile = modelFile;
        _inputs = CheckInputs(session, modelFile);
        var (output, dimensions) = ChooseOutput(session, modelFile);
        _output = [output];
        Dimensions = dimensions;
    }

    /// <summary>The vector length, when the graph states it (it may leave it symbolic).</summary>
    public int? Dimensions { get; }

    public static EmbeddingGraph Load(string modelFile, int intraOpThreads)
    {
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = intraOpThreads };
        InferenceSession session;
        try
        {
            session = new InferenceSession(modelFile, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"ONNX Runtime cannot load {modelFile}: {e.Message}", e);
        }

        try
        {
            return new EmbeddingGraph(session, modelFile);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one padded batch: <paramref name="inputIds"/> and <paramref name="attentionMask"/> are [batch, sequence]
    /// row-major. Returns the token states [batch, sequence, dimensions] and the dimensions.
    /// </summary>
    public (float[] States, int Dimensions) Run(long[] inputIds, long[] attentionMask, int batch, int sequence, CancellationToken cancellationToken)
    {
        long[] shape = [batch, sequence];
        var values = new Dictionary<string, OrtValue>();
        try
        {
            foreach (var (name, type) in _inputs)
            {
                var data = name switch
                {
                    InputIds => inputIds,
                    AttentionMask => attentionMask,
                    _ => new long[inputIds.Length], // one segment: every token type is 0
                };
                values[name] = type == TensorElementType.Int32
                    ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, id => (int)id), shape)
                    : OrtValue.CreateTensorValueFromMemory(data, shape);
            }

            using var runOptions = new RunOptions();
            // ONNX Runtime checks this flag between kernels, so a cancelled request stops a long batch early.
            using var cancellation = cancellationToken.Register(() => runOptions.Terminate = true);
            using var results = RunSession(runOptions, values, cancellationToken);
            var result = results[0];
            var resultShape = result.GetTensorTypeAndShape().Shape;
            if (resultShape.Length != 3 || resultShape[0] != batch || resultShape[1] != sequence)
            {
                throw new InvalidDataException($"{_modelFile} returned {_output[0]} of shape [{string.Join(", ", resultShape)}] for input [{batch}, {sequence}]; expected [{batch}, {sequence}, dimensions].");
            }

            return (result.GetTensorDataAsSpan<float>().ToArray(), (int)resultShape[2]);
        }
        finally
        {
            foreach (var value in values.Values)
            {
                value.Dispose();
            }
        }
    }

    private IDisposableReadOnlyCollection<OrtValue> RunSession(RunOptions runOptions, Dictionary<string, OrtValue> values, CancellationToken cancellationToken)
    {
        try
        {
            return _session.Run(runOptions, values, _output);
        }
        catch (OnnxRuntimeException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidDataException($"ONNX Runtime failed to run {_modelFile}: {e.Message}", e);
        }
    }

    private static Dictionary<string, TensorElementType> CheckInputs(InferenceSession session, string modelFile)
    {
        var inputs = new Dictionary<string, TensorElementType>();
        foreach (var (name, metadata) in session.InputMetadata)
        {
            if (!KnownInputs.Contains(name))
            {
                throw new InvalidDataException($"{modelFile} asks for an input '{name}'; a sentence-embedding model takes only {string.Join(", ", KnownInputs)}.");
            }

            if (!metadata.IsTensor || metadata.ElementDataType is not (TensorElementType.Int64 or TensorElementType.Int32) || metadata.Dimensions.Length != 2)
            {
                throw new InvalidDataException($"{modelFile}: input '{name}' must be an int64 or int32 tensor [batch, sequence], not {metadata.ElementDataType} of rank {metadata.Dimensions.Length}.");
            }

            inputs[name] = metadata.ElementDataType;
        }

        return inputs.ContainsKey(InputIds) ? inputs : throw new InvalidDataException($"{modelFile} has no '{InputIds}' input; it is not a text encoder.");
    }

    private static (string Name, int? Dimensions) ChooseOutput(InferenceSession session, string modelFile)
    {
        var tokenStates = session.OutputMetadata
            .Where(output => output.Value.IsTensor && output.Value.ElementDataType == TensorElementType.Float && output.Value.Dimensions.Length == 3)
            .OrderBy(output => PreferredOutputs.Contains(output.Key) ? 0 : 1)
            .ToList();
        if (tokenStates.Count == 0)
        {
            var found = string.Join(", ", session.OutputMetadata.Select(output => $"{output.Key} [{string.Join(", ", output.Value.Dimensions)}]"));
            throw new InvalidDataException($"{modelFile} has no float output of token states [batch, sequence, dimensions] to pool (outputs: {found}).");
        }

        var last = tokenStates[0].Value.Dimensions[2];
        return (tokenStates[0].Key, last > 0 ? last : null);
    }

    public void Dispose() => _session.Dispose();
}
