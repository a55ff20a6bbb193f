using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training;

/// <summary>
/// What an ONNX export gets: the model file, the spec that trained it and its data files (local copies at the run's data
/// commit), so the exported model can be scored on the run's evaluation rows before <see cref="Destination"/> is written.
/// </summary>
public sealed record OnnxExportInput(string ModelFile, ModelSpec Spec, DataFile Train, DataFile? Test, string Destination, string WorkDirectory);
