using MlopsCi.S3;

namespace MlopsCi.Cli.Hosting;

/// <summary>The composition root: plugs adapters (S3, hooks) into the command host.</summary>
internal static class Composition
{
    public static void Configure()
    {
        StoreLocator.OpenS3 = async (uri, request, cancellationToken) =>
            await S3ObjectStore.OpenAsync(uri, S3StoreOptions.Default with { Endpoint = request.S3Endpoint, CreateBucket = request.CreateBucket, OnRetry = request.Notice }, request.Environment, cancellationToken);
        Validators.Create = Commands.HookValidatorFactory.Create;
    }
}
