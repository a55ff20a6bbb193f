using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training;

/// <summary>What prediction gets: a model file, the spec that trained it (its CSV dialect), a local input file (labels not needed) and the file to write (.csv or .parquet).</summary>
public sealed record PredictionInput(string ModelFile, ModelSpec Spec, DataFile Input, string Output, string WorkDirectory);
