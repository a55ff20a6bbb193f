namespace MlopsCi.Cli.Hosting;

/// <summary>The composition root: plugs adapters (S3, hooks) into the command host.</summary>
internal static class Composition
{
    public static void Configure()
    {
        // Adapters register themselves here as they are added (S3 store, data-quality validator).
        Validators.Create = Commands.HookValidatorFactory.Create;
    }
}
