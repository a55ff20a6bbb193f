using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary><c>file-format</c> and <c>file-size</c>: judged from the tree entries alone, without reading content.</summary>
internal static class FileRules
{
    public static IEnumerable<HookFinding> Check(HookRule rule, IEnumerable<Entry> files) => rule switch
    {
        FileFormatRule format => files
            .Where(f => !format.Formats.Contains(TableFormats.Of(f.Path), StringComparer.OrdinalIgnoreCase))
            .Select(f => new HookFinding(f.Path, null, format.Describe(), 0, [], $"has format '{Display(TableFormats.Of(f.Path))}', which is not allowed")),
        FileSizeRule size => files
            .Where(f => f.Size > size.MaxBytes)
            .Select(f => new HookFinding(f.Path, null, size.Describe(), 0, [], $"is {Sizes.Format(f.Size)}, more than {Sizes.Format(size.MaxBytes)}")),
        _ => [],
    };

    private static string Display(string format) => format.Length == 0 ? "(no extension)" : format;
}
