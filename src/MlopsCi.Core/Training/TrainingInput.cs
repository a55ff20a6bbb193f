using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training;

/// <summary>What a trainer gets: the spec, local data files, and a scratch folder for the model file.</summary>
public sealed record TrainingInput(ModelSpec Spec, DataFile Train, DataFile? Test, string WorkDirectory);
