using System.IO.Compression;
using Microsoft.ML;
using MlopsCi.Core.Errors;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// The model zip: ML.NET's own entries plus <c>mlops/bundle.json</c>, rewritten with entries sorted by name and a fixed
/// timestamp so identical models have identical bytes (and hashes), in any process.
/// </summary>
internal static class ModelFile
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelBundle bundle, string path)
    {
        var raw = path + ".raw";
        ml.Model.Save(model, inputSchema, raw);
        try
        {
            using var source = ZipFile.OpenRead(raw);
            using var target = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
            var entries = source.Entries.Select(e => (e.FullName, Read: (Func<Stream>)e.Open))
                .Append((ModelBundle.EntryName, () => new MemoryStream(bundle.ToBytes())))
                .OrderBy(e => e.FullName, StringComparer.Ordinal);
            foreach (var (name, open) in entries)
            {
                var entry = target.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var input = open();
                using var output = entry.Open();
                input.CopyTo(output);
            }
        }
        finally
        {
            File.Delete(raw);
        }
    }

    public static (ITransformer Model, ModelBundle Bundle) Load(MLContext ml, string path)
    {
        try
        {
            ModelBundle bundle;
            using (var zip = ZipFile.OpenRead(path))
            {
                var entry = zip.GetEntry(ModelBundle.EntryName)
                    ?? throw new InvalidInputException($"{path} is not an mlops model (it has no {ModelBundle.EntryName}).");
                using var stream = entry.Open();
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                bundle = ModelBundle.Parse(memory.ToArray());
            }

            return (ml.Model.Load(path, out _), bundle);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidInputException($"{path} is not a model zip ({e.Message}).", e);
        }
    }
}
