using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Tests.Errors;

public sealed class UriRedactionSpecs
{
    [Theory]
    [InlineData("The store URI 's3://AKIAX:secret@bucket/repo' is not valid.", "The store URI 's3://***@bucket/repo' is not valid.")]
    [InlineData("at https://user:pw@host:9000/x and s3://k@b/p", "at https://***@host:9000/x and s3://***@b/p")]
    [InlineData("GET s3://bucket/repo?X-Amz-Signature=abc&t=1 failed", "GET s3://bucket/repo?*** failed")]
    [InlineData("see http://127.0.0.1:7480/#token=abc", "see http://127.0.0.1:7480/#***")]
    [InlineData("file:///tmp/store and http://127.0.0.1:7480 stay", "file:///tmp/store and http://127.0.0.1:7480 stay")]
    [InlineData("no uri here: a@b?c", "no uri here: a@b?c")]
    public void User_info_and_queries_of_uris_are_hidden_and_the_rest_is_kept(string text, string expected) =>
        Assert.Equal(expected, UriRedaction.Redact(text));
}
