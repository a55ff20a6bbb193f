using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MlopsCi.Testing;

/// <summary>
/// Re-signs an S3 request with AWS Signature V4 after the proxy changed its headers (a signed header removed breaks
/// the client's signature). Decodes an <c>aws-chunked</c> streaming body into a plain one, since chunk signatures
/// chain from the original signature. Test-only: signs host, x-amz-*, content-md5 and content-type.
/// </summary>
public sealed class SigV4Resigner(string accessKey, string secretKey, string region = "us-east-1")
{
    internal byte[] Resign(HttpHead head, byte[] body)
    {
        if (head.Get("Content-Encoding")?.Contains("aws-chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = DecodeAwsChunked(body);
            var remaining = string.Join(",", head.Get("Content-Encoding")!.Split(',').Select(e => e.Trim()).Where(e => !e.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase)));
            head.Remove("Content-Encoding");
            if (remaining.Length > 0)
                head.Headers.Add(new("Content-Encoding", remaining));
            head.Remove("X-Amz-Decoded-Content-Length");
        }

        head.Remove("Content-Length");
        head.Headers.Add(new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        head.Remove("X-Amz-Content-SHA256");
        head.Headers.Add(new("X-Amz-Content-SHA256", Convert.ToHexStringLower(SHA256.HashData(body))));

        var amzDate = head.Get("X-Amz-Date") ?? DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var signed = head.Headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .Where(h => h.Name is "host" or "content-md5" or "content-type" || h.Name.StartsWith("x-amz-", StringComparison.Ordinal))
            .GroupBy(h => h.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => h.Value))))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(";", signed.Select(h => h.Name));

        var parts = head.StartLine.Split(' ');
        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        var canonicalQuery = string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Contains('=', StringComparison.Ordinal) ? p : p + "=")
            .OrderBy(p => p[..p.IndexOf('=', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ThenBy(p => p, StringComparer.Ordinal));
        var canonicalRequest = string.Join("\n",
            parts[0], path, canonicalQuery,
            string.Concat(signed.Select(h => $"{h.Name}:{h.Value}\n")),
            signedHeaders, head.Get("X-Amz-Content-SHA256"));
        var scope = $"{date}/{region}/s3/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date), region), "s3"), "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));
        head.Remove("Authorization");
        head.Headers.Add(new("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}"));
        return body;
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    /// <summary>Decodes <c>hex-size;chunk-signature=…\r\n data \r\n</c> … <c>0;…\r\n\r\n</c>.</summary>
    private static byte[] DecodeAwsChunked(byte[] body)
    {
        using var decoded = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = Array.IndexOf(body, (byte)'\n', position);
            var line = Encoding.ASCII.GetString(body, position, lineEnd - position).TrimEnd('\r');
            var size = int.Parse(line.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position = lineEnd + 1;
            if (size == 0)
                return decoded.ToArray();
            decoded.Write(body, position, size);
            position += size + 2;
        }
    }
}
