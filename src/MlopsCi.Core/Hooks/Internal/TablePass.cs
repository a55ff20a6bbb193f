using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MlopsCi.Core.Hooks.Internal.Checks;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>
/// Feeds one file's rows to every check that applies to it, so a file is read once however many hooks look at it.
/// Parsing and checking overlap: rows are copied into batches that a worker thread checks while the reader parses
/// (and hashes) the next ones; a file smaller than one batch is checked on the reader's thread.
/// </summary>
internal sealed class TablePass(TableCheck[] checks) : TableVisitor, IDisposable
{
    private const int BatchRows = 512;
    private const int Batches = 4;
    private readonly BlockingCollection<TableRow[]> _full = new(Batches);
    private readonly BlockingCollection<TableRow[]> _free = new(Batches + 1);
    private TableRow[] _batch = NewBatch();
    private int _count;
    private Thread? _worker;
    private ExceptionDispatchInfo? _failure;

    public long Rows { get; private set; }

    public override void Header(IReadOnlyList<string> columns)
    {
        foreach (var check in checks)
            check.Start(columns);
    }

    public override void Row(TableRow row)
    {
        Rows++;
        _batch[_count++].CopyFrom(row);
        if (_count < BatchRows)
            return;
        StartWorker();
        _full.Add(_batch);
        _batch = _free.Take();
        _count = 0;
    }

    /// <summary>Checks the last rows, waits for the worker, then lets every check judge the file.</summary>
    public void Finish()
    {
        if (_worker is null)
            Check(_batch, _count);
        else
        {
            if (_count > 0)
                _full.Add(CopyOf(_batch, _count));
            Stop();
        }

        _failure?.Throw();
        foreach (var check in checks)
            check.Finish(Rows);
    }

    public void Dispose()
    {
        Stop();
        _full.Dispose();
        _free.Dispose();
    }

    private static TableRow[] NewBatch() => [.. Enumerable.Range(0, BatchRows).Select(_ => new TableRow(128, 16))];

    private static TableRow[] CopyOf(TableRow[] batch, int count) => batch[..count];

    private void StartWorker()
    {
        if (_worker is not null)
            return;
        for (var i = 0; i < Batches; i++)
            _free.Add(NewBatch());
        _worker = new Thread(Work) { IsBackground = true, Name = "mlops-hook-checks" };
        _worker.Start();
    }

    private void Stop()
    {
        if (_full.IsAddingCompleted)
            return;
        _full.CompleteAdding();
        _worker?.Join();
    }

    private void Work()
    {
        foreach (var batch in _full.GetConsumingEnumerable())
        {
            if (_failure is null)
            {
                try
                {
                    Check(batch, batch.Length);
                }
                catch (Exception e)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }

            if (batch.Length == BatchRows)
                _free.TryAdd(batch);
        }
    }

    private void Check(TableRow[] batch, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var row = batch[i];
            foreach (var check in checks)
                check.Observe(row);
        }
    }
}
