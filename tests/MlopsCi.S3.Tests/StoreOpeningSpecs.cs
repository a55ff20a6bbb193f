using System.Net;
using System.Net.Sockets;
using MlopsCi.Core.Errors;
using MlopsCi.S3.Internal;

namespace MlopsCi.S3.Tests;

[Trait("Speed", "Slow")]
public sealed class StoreOpeningSpecs
{
    [Theory]
    [InlineData("s3://data-bucket", "data-bucket", "")]
    [InlineData("s3://data-bucket/", "data-bucket", "")]
    [InlineData("s3://data-bucket/team/repo/", "data-bucket", "team/repo")]
    [InlineData("S3://data.bucket-1/repo", "data.bucket-1", "repo")]
    public void A_store_uri_names_a_bucket_and_a_prefix(string uri, string bucket, string prefix)
    {
        var parsed = S3StoreUri.Parse(uri);

        Assert.Equal(bucket, parsed.Bucket);
        Assert.Equal(prefix, parsed.Prefix);
        Assert.True(S3ObjectStore.IsS3Uri(uri));
    }

    [Theory]
    [InlineData("/data/repo")]
    [InlineData("s3://")]
    [InlineData("s3://Upper_Case/repo")]
    [InlineData("s3://ab/repo")]
    [InlineData("s3://bucket/a//b")]
    [InlineData("s3://bucket/a/../b")]
    [InlineData("s3://bucket/repo?region=eu")]
    public void An_invalid_store_uri_is_bad_input(string uri)
    {
        var error = Assert.Throws<InvalidInputException>(() => S3StoreUri.Parse(uri));

        Assert.Contains("s3://bucket/prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_endpoint_comes_from_the_option_then_MLOPS_S3_ENDPOINT_then_AWS_ENDPOINT_URL()
    {
        var both = Env(("MLOPS_S3_ENDPOINT", "http://127.0.0.1:9001"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:9002"));

        Assert.Equal(9000, S3ClientFactory.Create(new S3StoreOptions { Endpoint = "http://127.0.0.1:9000" }, both).Endpoint!.Port);
        Assert.Equal(9001, S3ClientFactory.Create(S3StoreOptions.Default, both).Endpoint!.Port);
        Assert.Equal(9002, S3ClientFactory.Create(S3StoreOptions.Default, Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:9002"))).Endpoint!.Port);
        Assert.Null(S3ClientFactory.Create(S3StoreOptions.Default, Env()).Endpoint);
    }

    [Fact]
    public void A_custom_endpoint_uses_path_style_and_the_settings_ceph_needs()
    {
        var connection = S3ClientFactory.Create(new S3StoreOptions { Endpoint = "http://127.0.0.1:7480" }, Env());
        var config = (Amazon.S3.AmazonS3Config)connection.Client.Config;

        Assert.True(config.ForcePathStyle);
        Assert.Equal("us-east-1", config.AuthenticationRegion);
        Assert.Equal(Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        Assert.Equal(Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
        Assert.False(S3ClientFactory.Create(new S3StoreOptions { Endpoint = "http://127.0.0.1:7480", ForcePathStyle = false }, Env()).Client.Config is Amazon.S3.AmazonS3Config { ForcePathStyle: true });
    }

    [Fact]
    public void An_endpoint_with_credentials_in_it_is_refused_without_repeating_them()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            S3ClientFactory.Create(S3StoreOptions.Default, Env(("MLOPS_S3_ENDPOINT", "http://user:hunter2secret@127.0.0.1:7480"))));

        Assert.DoesNotContain("hunter2secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("MLOPS_S3_ENDPOINT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_fails_naming_the_bucket_but_never_the_secret()
    {
        await S3TestServer.EnsureReachableAsync();
        const string Secret = "wrong-secret-Zq81xV";
        var bucket = S3TestServer.NewBucket("secret");

        var error = await Assert.ThrowsAsync<StorageException>(() => S3ObjectStore.OpenAsync(
            $"s3://{bucket}/repo", S3TestServer.Options, S3TestServer.EnvironmentFor(secretKey: Secret), CancellationToken.None));

        Assert.Contains(bucket, error.Message, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_missing_bucket_is_bad_input_unless_creation_is_asked_for()
    {
        await S3TestServer.EnsureReachableAsync();
        var bucket = S3TestServer.NewBucket("missing");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => S3ObjectStore.OpenAsync(
            $"s3://{bucket}", S3TestServer.Options with { CreateBucket = false }, S3TestServer.EnvironmentFor(), CancellationToken.None));
        await using var created = await S3TestServer.OpenAsync($"s3://{bucket}");

        Assert.Contains(bucket, error.Message, StringComparison.Ordinal);
        Assert.Equal($"s3://{bucket}", created.Location);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_after_retries_naming_it()
    {
        var port = UnusedLoopbackPort();

        var error = await Assert.ThrowsAsync<StorageException>(() => S3ObjectStore.OpenAsync(
            "s3://some-bucket/repo", S3TestServer.Options with { MaxAttempts = 2 }, S3TestServer.EnvironmentFor(new Uri($"http://127.0.0.1:{port}")), CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 attempts", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
