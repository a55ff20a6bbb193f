using System.Net;
using System.Text.Json;
using MlopsCi.Web.Api;

namespace MlopsCi.Web.Tests;

/// <summary>The JSON API and the server's promises (read-only, escaped, paged, verified downloads), over HTTP.</summary>
[Collection(UiCollection.Name)]
public sealed class ApiSpecs(UiFixture ui)
{
    [Fact]
    public async Task Every_documented_route_answers_with_json()
    {
        var openApi = JsonDocument.Parse(await ui.Http.GetStringAsync("/api/openapi.json"));
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(ApiRoutes.All.Select(r => r.Path), paths);
        foreach (var path in paths.Where(p => p != "/api/blob/{ref}"))
        {
            var url = path.Replace("{ref}", "main", StringComparison.Ordinal).Replace("{id}", ui.Candidate.Id, StringComparison.Ordinal).Replace("{name}", "weather", StringComparison.Ordinal)
                + path switch
                {
                    "/api/file/{ref}" => "?path=weather/days.csv",
                    "/api/diff" => $"?left={ui.FirstCommit}&right=main",
                    "/api/compare" => $"?run={ui.Baseline.Id}&run={ui.Candidate.Id}",
                    _ => "",
                };
            using var response = await ui.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).Dispose();
        }
    }

    [Fact]
    public async Task The_server_has_no_write_endpoints()
    {
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            foreach (var path in new[] { "/api/refs", "/api/runs/" + ui.Candidate.Id, "/data", "/api/blob/main?path=readme.txt" })
            {
                using var response = await ui.Http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent("{}") });
                Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Text_from_the_store_is_escaped_in_pages()
    {
        var html = await ui.Http.GetStringAsync("/data/commit/" + ui.SecondCommit);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_big_folder_is_paged_by_cursor_and_every_file_appears_once()
    {
        var root = await Json("/api/tree/feature/more-days");
        Assert.Equal(["many/", "readme.txt", "weather/"], root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList());
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Json("/api/tree/feature/more-days?path=many/" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("path").GetString()!));
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            pages++;
        }
        while (after is not null);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, UiStoreSeed.ManyFiles).Select(i => $"many/part-{i:D5}.csv"), seen);
    }

    [Fact]
    public async Task A_download_streams_the_blob_with_its_length_and_hash()
    {
        using var response = await ui.Http.GetAsync("/api/blob/main?path=weather/days.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{Core.Storage.Hashing.Sha256Hex(bytes)}\"", response.Headers.ETag?.Tag);
        Assert.Equal(351, System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task An_unknown_ref_is_a_clear_400_in_the_api_and_on_the_page()
    {
        using var api = await ui.Http.GetAsync("/api/log/no-such-branch");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Unknown ref 'no-such-branch'", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var page = await ui.Http.GetAsync("/data/log/no-such-branch");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Unknown ref &#x27;no-such-branch&#x27;", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> Json(string url) => JsonDocument.Parse(await ui.Http.GetStringAsync(url)).RootElement;
}
