using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MlopsCi.MSBuild.Internal;

/// <summary>Metrics as MSBuild items: ItemSpec and <c>Name</c> the metric, <c>Value</c> its invariant-culture value.</summary>
internal static class MetricItems
{
    public static ITaskItem[] From(IReadOnlyDictionary<string, double> metrics) =>
    [
        .. metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m =>
        {
            var item = new TaskItem(m.Key);
            item.SetMetadata("Name", m.Key);
            item.SetMetadata("Value", m.Value.ToString("R", CultureInfo.InvariantCulture));
            return (ITaskItem)item;
        }),
    ];
}
