using MlopsCi.Config.Specs;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training.Services;
using MlopsCi.Core.Versioning;
using MlopsCi.MLNet;
using MlopsCi.Training.Probe;

// probe train <store-folder> <data-ref> <spec-file>   → trains through TrainingService, prints "<run-id> <model-hash>"
// probe minimal <csv> <label> <categorical,…> <ignore,…> → the hand-written ML.NET baseline of the benchmark
// probe flights-csv <rows> <parquet> <csv>           → the first rows of flights-3m.parquet as CSV (benchmark data)
try
{
    switch (args.FirstOrDefault())
    {
        case "train":
            var spec = (await MlopsSpecParser.LoadAsync(args[3], CancellationToken.None)).RequireModel();
            await using (var store = new LocalFolderStore(args[1]))
            {
                var repository = await Repository.OpenAsync(store, RepositoryOptions.FromEnvironment(Environment.GetEnvironmentVariable), CancellationToken.None);
                var result = await new TrainingService(repository, new MlNetTrainer()).TrainAsync(new TrainingRequest(spec, args[2]), CancellationToken.None);
                Console.WriteLine($"{result.Run.Id} {result.Run.ModelHash}");
            }

            return 0;
        case "minimal":
            MinimalProgram.Run(args[1], args[2], args[3].Split(',', StringSplitOptions.RemoveEmptyEntries), args[4].Split(',', StringSplitOptions.RemoveEmptyEntries));
            return 0;
        case "flights-csv":
            await MlopsCi.MLNet.Data.ParquetConverter.ConvertAsync(args[2], Path.GetFileName(args[2]), args[3], long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None, ',');
            return 0;
        default:
            Console.Error.WriteLine("usage: probe train <store> <ref> <spec> | minimal <csv> <label> <categorical> <ignore> | flights-csv <rows> <parquet> <csv>");
            return 2;
    }
}
catch (MlopsException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return e.ExitCode;
}
