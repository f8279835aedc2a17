namespace PaperFeed.Core.Tests.Ingest;

/// <summary>Tests that measure the process's memory, and so must not run beside other tests.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;
