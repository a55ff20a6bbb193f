using Amazon.S3;

namespace MlopsCi.S3.Internal;

/// <summary>The SDK client plus what messages may say about where it points.</summary>
internal sealed record S3Connection(IAmazonS3 Client, Uri? Endpoint, string Region, SecretRedactor Redactor)
{
    /// <summary>Where requests go, for messages: the custom endpoint, or AWS and the region.</summary>
    public string Describe() => Endpoint is null ? $"AWS S3 ({Region})" : Endpoint.GetLeftPart(UriPartial.Authority);
}
