namespace MlopsCi.Action.Tests.Runner;

/// <summary>
/// Reads a <c>GITHUB_OUTPUT</c> file as the runner does: <c>name=value</c> lines and <c>name&lt;&lt;DELIMITER</c> …
/// <c>DELIMITER</c> blocks; a later value of the same name wins.
/// </summary>
internal static class StepOutputs
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
                continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var end = Array.IndexOf(lines, delimiter, i + 1);
                if (end < 0)
                    throw new FormatException($"Output '{name}': no closing delimiter '{delimiter}'.");
                outputs[name] = string.Join('\n', lines[(i + 1)..end]);
                i = end;
                continue;
            }

            if (equals <= 0)
                throw new FormatException($"Not an output line: '{line}'.");
            outputs[line[..equals]] = line[(equals + 1)..];
        }

        return outputs;
    }
}
