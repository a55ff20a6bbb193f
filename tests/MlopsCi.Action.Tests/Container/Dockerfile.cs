using System.Text;
using System.Text.Json;

namespace MlopsCi.Action.Tests.Container;

/// <summary>One instruction of a Dockerfile: its keyword (upper case), its argument text and its first line.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>The exec form (<c>["a", "b"]</c>) of ENTRYPOINT, CMD or RUN as a list.</summary>
    public IReadOnlyList<string> ExecForm() =>
        Arguments.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<List<string>>(Arguments)! : throw new InvalidOperationException($"Line {Line}: {Keyword} is not in exec form: {Arguments}");
}

/// <summary>A build stage: <c>FROM image [AS name]</c> and its instructions.</summary>
internal sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);
}

/// <summary>A Dockerfile read into stages (comments dropped, continued lines joined).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> globalArgs, IReadOnlyList<DockerStage> stages)
    {
        GlobalArgs = globalArgs;
        Stages = stages;
    }

    /// <summary>The ARG instructions before the first FROM (usable in FROM lines).</summary>
    public IReadOnlyList<DockerInstruction> GlobalArgs { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    public static Dockerfile Load(string path) => Parse(File.ReadAllText(path));

    public static Dockerfile Parse(string text)
    {
        var stages = new List<DockerStage>();
        var globalArgs = new List<DockerInstruction>();
        var current = new List<DockerInstruction>();
        var logical = new StringBuilder();
        var start = 0;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (logical.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
                continue;
            if (logical.Length == 0)
                start = i + 1;
            if (line.TrimEnd().EndsWith('\\'))
            {
                logical.Append(line.TrimEnd()[..^1]).Append(' ');
                continue;
            }

            logical.Append(line);
            var joined = logical.ToString().Trim();
            logical.Clear();
            var space = joined.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new DockerInstruction(joined[..space].ToUpperInvariant(), joined[(space + 1)..].Trim(), start);
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                current = [];
                stages.Add(new DockerStage(words[0], words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null, current));
                continue;
            }

            if (stages.Count == 0 && instruction.Keyword == "ARG")
            {
                globalArgs.Add(instruction);
                continue;
            }

            if (stages.Count == 0)
                throw new InvalidOperationException($"Line {start}: {instruction.Keyword} before the first FROM.");
            current.Add(instruction);
        }

        return new Dockerfile(globalArgs, stages);
    }
}
