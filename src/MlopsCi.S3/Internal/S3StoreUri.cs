using System.Text.RegularExpressions;
using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>A parsed <c>s3://bucket/prefix</c> store URI; the prefix has no leading or trailing '/'.</summary>
internal sealed partial record S3StoreUri(string Bucket, string Prefix)
{
    private const string Scheme = "s3://";

    public override string ToString() => Prefix.Length == 0 ? $"{Scheme}{Bucket}" : $"{Scheme}{Bucket}/{Prefix}";

    /// <summary>The full object key of a store-relative key.</summary>
    public string FullKey(string key) => Prefix.Length == 0 ? key : $"{Prefix}/{key}";

    /// <summary>The store-relative key of a full object key under this store.</summary>
    public string RelativeKey(string fullKey) => Prefix.Length == 0 ? fullKey : fullKey[(Prefix.Length + 1)..];

    /// <summary>The full-key prefix that lists everything under <paramref name="relativePrefix"/>.</summary>
    public string FullListPrefix(string relativePrefix) => Prefix.Length == 0 ? relativePrefix : $"{Prefix}/{relativePrefix}";

    public static bool IsS3Uri(string value) =>
        value is not null && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static S3StoreUri Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsS3Uri(value))
            throw Invalid(value, "it does not start with s3://");
        var rest = value[Scheme.Length..];
        var (at, firstSlash) = (rest.IndexOf('@', StringComparison.Ordinal), rest.IndexOf('/', StringComparison.Ordinal));
        if (at >= 0 && (firstSlash < 0 || at < firstSlash))
            throw Invalid(value, "it carries credentials (user:secret@) before the bucket");
        if (rest.IndexOfAny(['?', '#', '\\']) >= 0)
            throw Invalid(value, "it contains '?', '#' or '\\'; query strings are not supported, use options instead");
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
        if (!BucketName().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
            throw Invalid(value, $"'{bucket}' is not a valid bucket name (3-63 characters: a-z, 0-9, '.', '-')");
        if (prefix.Length > 0 && prefix.Split('/').Any(s => s.Length == 0 || s == "." || s == ".."))
            throw Invalid(value, $"the prefix '{prefix}' has an empty, '.' or '..' segment");
        return new S3StoreUri(bucket, prefix);
    }

    private static InvalidInputException Invalid(string value, string why) =>
        new($"The store URI '{UriRedaction.Redact(value)}' is not valid: {why}. Use s3://bucket or s3://bucket/prefix; credentials never go in the URI (use AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a profile).");

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();
}
