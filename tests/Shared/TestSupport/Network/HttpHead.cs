using System.Globalization;
using System.Text;

namespace MlopsCi.Testing;

/// <summary>A parsed HTTP/1.1 message head: start line plus headers in order, as sent.</summary>
public sealed class HttpHead(string startLine, List<KeyValuePair<string, string>> headers)
{
    public string StartLine { get; } = startLine;

    public List<KeyValuePair<string, string>> Headers { get; } = headers;

    public string? Get(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public void Remove(string name) => Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public bool IsChunked => Get("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    public long? ContentLength => long.TryParse(Get("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public bool WantsClose => string.Equals(Get("Connection"), "close", StringComparison.OrdinalIgnoreCase);

    /// <summary>For a response: the status code.</summary>
    public int Status => int.Parse(StartLine.Split(' ')[1], CultureInfo.InvariantCulture);

    public byte[] Serialize()
    {
        var text = new StringBuilder(StartLine).Append("\r\n");
        foreach (var (name, value) in Headers)
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }
}
