using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal;

internal sealed partial class HookRunner
{
    /// <summary>
    /// The values of each referential hook's referenced column, read once from the tree after the change (so a change
    /// that adds the referenced rows too is judged whole). A referenced table or column that is not there is bad
    /// configuration: an error naming the hook's line (exit 2), not a data finding.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, HashSet<string>>> LoadReferencesAsync(
        Versioning.ValidationContext context, IEnumerable<HookDefinition> hooks, CancellationToken cancellationToken)
    {
        var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var hook in hooks.Where(h => h.Rule is ReferentialRule))
        {
            var rule = (ReferentialRule)hook.Rule;
            var entry = await context.Repository.FindAsync(context.After, rule.RefFile, cancellationToken)
                ?? throw new InvalidInputException($"{hook.Source}: hook '{hook.Id}' refers to '{rule.RefFile}', which is not in the data after this change. Fix 'refs' (path:column) or commit the referenced table.");
            if (_readers.For(entry.Path) is not { } reader)
                throw new InvalidInputException($"{hook.Source}: hook '{hook.Id}' refers to '{rule.RefFile}', which hooks cannot read as a table; refer to a CSV, TSV or Parquet file.");
            var values = new HashSet<string>(StringComparer.Ordinal);
            var lookup = values.GetAlternateLookup<ReadOnlySpan<char>>();
            var index = -1;
            var visitor = new RowsVisitor(
                header => index = header.ToList().IndexOf(rule.RefColumn) is var i && i >= 0 ? i
                    : throw new InvalidInputException($"{hook.Source}: hook '{hook.Id}' refers to column '{rule.RefColumn}' of '{rule.RefFile}', which has the columns {string.Join(", ", header)}."),
                row =>
                {
                    if (!row.IsNull(index) && !lookup.Contains(row[index]))
                        lookup.Add(row[index]);
                });
            await TableSource.ReadAsync(context.Repository, entry, reader, visitor, cancellationToken);
            references[hook.Id] = values;
        }

        return references;
    }
}
