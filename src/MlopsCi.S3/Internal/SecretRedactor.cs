namespace MlopsCi.S3.Internal;

/// <summary>Removes known credential values from text that may end up in an error message.</summary>
internal sealed class SecretRedactor(IEnumerable<string> secrets)
{
    private readonly string[] _secrets = secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).ToArray();

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }
}
