using System.Globalization;
using System.Text.RegularExpressions;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// Finds where an error points, for an <c>::error file=…,line=…::</c> annotation: messages about a file start
/// "<c>mlops.yml line 7: …</c>" or "<c>mlops.yml line 7, column 3: …</c>". The file must exist in one of the given
/// folders and inside the workspace; the annotation names it relative to the workspace (the repository root).
/// </summary>
internal static partial class ErrorLocation
{
    public static AnnotationProperties? Find(string message, string workspace, IEnumerable<string> folders, string title)
    {
        var match = FileAndLine().Match(message);
        if (!match.Success)
            return null;
        var file = match.Groups["file"].Value;
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(file, folder);
            var relative = Path.GetRelativePath(workspace, full);
            if (!File.Exists(full) || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                continue;
            return new AnnotationProperties(
                File: relative.Replace('\\', '/'),
                Line: Number(match.Groups["line"]),
                Column: Number(match.Groups["column"]),
                Title: title);
        }

        return null;
    }

    private static int? Number(Group group) =>
        group.Success && int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    [GeneratedRegex(@"^(?<file>[^\r\n]+?) line (?<line>\d+)(?:, column (?<column>\d+))?: ")]
    private static partial Regex FileAndLine();
}
