namespace MlopsCi.Cli.Hosting;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly OptionSpec Store = new("store", "uri", "data repository: file:///abs/path, a relative path, or s3://bucket/prefix (else $MLOPS_STORE, else store: in ./mlops.yml, else file://.mlops/store)");
    public static readonly OptionSpec S3Endpoint = new("s3-endpoint", "url", "S3-compatible endpoint (else $MLOPS_S3_ENDPOINT, else $AWS_ENDPOINT_URL)");
    public static readonly OptionSpec Json = new("json", null, "machine-readable output on stdout");
    public static readonly OptionSpec Help = new("help", null, "show help", Alias: "-h");

    public static readonly OptionSpec[] All = [Store, S3Endpoint, Json, Help];
}
