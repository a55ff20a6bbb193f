using MlopsCi.Core.Versioning;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// Progress on stderr: a self-updating line on an interactive terminal (at most 10 updates a second), and on CI
/// logs only a few plain lines (every quarter) for operations over 500 items.
/// </summary>
internal sealed class ConsoleProgress(TextWriter error, bool interactive, string verb) : IProgressSink
{
    private readonly Lock _gate = new();
    private long _lastTicks;
    private int _lastQuarter = -1;

    public void Report(string stage, long done, long total)
    {
        lock (_gate)
        {
            if (interactive)
            {
                var now = Environment.TickCount64;
                if (done != total && now - _lastTicks < 100)
                    return;
                _lastTicks = now;
                error.Write($"\r{verb}: {done:N0}/{total:N0} {stage} ({Percent(done, total)}%)   ");
                if (done == total)
                    error.WriteLine();
                return;
            }

            if (total < 500)
                return;
            var quarter = (int)(done * 4 / Math.Max(total, 1));
            if (quarter > _lastQuarter)
            {
                _lastQuarter = quarter;
                error.WriteLine($"{verb}: {done:N0}/{total:N0} {stage} ({Percent(done, total)}%)");
            }
        }
    }

    private static long Percent(long done, long total) => total == 0 ? 100 : done * 100 / total;
}
