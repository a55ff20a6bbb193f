using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>Resolves endpoint, region and credentials (options, then environment) and builds the SDK client.</summary>
internal static class S3ClientFactory
{
    public static S3Connection Create(S3StoreOptions options, Func<string, string?> environment)
    {
        var endpoint = ResolveEndpoint(options, environment);
        var region = FirstNonEmpty(options.Region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION")) ?? "us-east-1";
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle ?? endpoint is not null,
            // Ceph RGW and other S3 implementations reject the SDK v4 default trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            // Retries are ours (S3Retry): a CAS write must see every attempt's outcome to tell "lost" from "ambiguous".
            MaxErrorRetry = 0,
            RetryMode = RequestRetryMode.Standard,
            Timeout = options.RequestTimeout,
            ConnectTimeout = options.ConnectTimeout < options.RequestTimeout ? options.ConnectTimeout : options.RequestTimeout,
            MaxConnectionsPerServer = Math.Max(16, options.MaxParallelUploads * 2),
        };
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.AuthenticationRegion = region;
            config.UseHttp = endpoint.Scheme == Uri.UriSchemeHttp;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        var (credentials, secrets) = ResolveCredentials(options, environment);
        var client = credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
        return new S3Connection(client, endpoint, region, new SecretRedactor(secrets));
    }

    private static Uri? ResolveEndpoint(S3StoreOptions options, Func<string, string?> environment)
    {
        var (value, source) = options.Endpoint is { Length: > 0 } o ? (o, "the endpoint option")
            : environment("MLOPS_S3_ENDPOINT") is { Length: > 0 } m ? (m, "MLOPS_S3_ENDPOINT")
            : environment("AWS_ENDPOINT_URL") is { Length: > 0 } a ? (a, "AWS_ENDPOINT_URL")
            : (null, null);
        if (value is null)
            return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidInputException($"The S3 endpoint from {source} is not an absolute http:// or https:// URL. Set it like http://127.0.0.1:7480.");
        if (uri.UserInfo.Length > 0)
            throw new InvalidInputException($"The S3 endpoint from {source} contains credentials; remove them and use AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or a profile.");
        if (uri.Query.Length > 0 || uri.AbsolutePath != "/")
            throw new InvalidInputException($"The S3 endpoint '{uri.GetLeftPart(UriPartial.Authority)}' from {source} must have no path or query; put the bucket and prefix in the s3:// URI.");
        return uri;
    }

    private static (AWSCredentials? Credentials, string[] Secrets) ResolveCredentials(S3StoreOptions options, Func<string, string?> environment)
    {
        var accessKey = environment("AWS_ACCESS_KEY_ID");
        var secretKey = environment("AWS_SECRET_ACCESS_KEY");
        if (!string.IsNullOrEmpty(accessKey) && !string.IsNullOrEmpty(secretKey))
        {
            var token = environment("AWS_SESSION_TOKEN");
            AWSCredentials credentials = string.IsNullOrEmpty(token)
                ? new BasicAWSCredentials(accessKey, secretKey)
                : new SessionAWSCredentials(accessKey, secretKey, token);
            return (credentials, [accessKey, secretKey, token ?? string.Empty]);
        }

        var profile = FirstNonEmpty(options.Profile, environment("AWS_PROFILE"));
        if (profile is not null)
        {
            if (!new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile))
                throw new InvalidInputException($"The AWS profile '{profile}' was not found in the shared config or credentials files. Create it with `aws configure --profile {profile}` or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
            return (fromProfile, []);
        }

        // The SDK's standard chain (web identity, SSO, container and instance roles) resolves lazily on first use.
        return (null, []);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
