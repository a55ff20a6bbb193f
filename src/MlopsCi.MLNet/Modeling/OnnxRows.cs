using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Reads rows in batches for an ONNX check: the model's inputs (as ONNX tensors of shape [rows, 1]) from the named view
/// and, in step, the ML.NET model's outputs for the same rows (vectors flattened row by row).
/// </summary>
internal sealed class OnnxRows : IDisposable
{
    private readonly ModelBundle _bundle;
    private readonly int _size;
    private readonly DataViewRowCursor _raw;
    private readonly DataViewRowCursor _scored;
    private readonly Delegate[] _inputs;
    private readonly Func<float[]>[] _outputs;
    private readonly List<object> _values;

    public OnnxRows(ModelBundle bundle, IDataView named, IDataView scored, IReadOnlyList<string> compared, int size)
    {
        (_bundle, _size) = (bundle, size);
        _raw = named.GetRowCursor(named.Schema);
        _scored = scored.GetRowCursor(scored.Schema.Where(c => compared.Contains(c.Name) && scored.Schema.GetColumnOrNull(c.Name)?.Index == c.Index));
        _inputs = [.. bundle.Columns.Select(c => c.Kind == ColumnKind.Numeric
            ? (Delegate)_raw.GetGetter<float>(named.Schema[c.Name])
            : _raw.GetGetter<ReadOnlyMemory<char>>(named.Schema[c.Name]))];
        _outputs = [.. compared.Select(c => Output(scored.Schema[c]))];
        _values = [.. bundle.Columns.Select(c => c.Kind == ColumnKind.Numeric ? (object)new List<float>(size) : new List<string>(size))];
        Expected = [.. compared.Select(_ => Array.Empty<float>())];
    }

    /// <summary>Rows in the current batch.</summary>
    public int Count { get; private set; }

    /// <summary>Per compared column, the ML.NET model's values for the batch (row-major).</summary>
    public float[][] Expected { get; }

    /// <summary>Reads the next batch; false when no rows are left.</summary>
    public bool Fill()
    {
        foreach (var list in _values)
            (list as List<float>)?.Clear();
        foreach (var list in _values)
            (list as List<string>)?.Clear();
        var expected = Expected.Select(_ => new List<float>()).ToList();
        Count = 0;
        while (Count < _size && _raw.MoveNext())
        {
            if (!_scored.MoveNext())
                throw new InvalidOperationException("The scored view has fewer rows than its input.");
            for (var c = 0; c < _inputs.Length; c++)
            {
                if (_inputs[c] is ValueGetter<float> number)
                {
                    float value = 0;
                    number(ref value);
                    ((List<float>)_values[c]).Add(value);
                }
                else
                {
                    ReadOnlyMemory<char> text = default;
                    ((ValueGetter<ReadOnlyMemory<char>>)_inputs[c])(ref text);
                    ((List<string>)_values[c]).Add(text.ToString());
                }
            }

            for (var o = 0; o < _outputs.Length; o++)
                expected[o].AddRange(_outputs[o]());
            Count++;
        }

        for (var o = 0; o < Expected.Length; o++)
            Expected[o] = [.. expected[o]];
        return Count > 0;
    }

    /// <summary>The batch as ONNX input tensors, in the order of the model's columns; the caller disposes them.</summary>
    public IEnumerable<OrtValue> Inputs()
    {
        long[] shape = [Count, 1];
        for (var c = 0; c < _bundle.Columns.Count; c++)
        {
            if (_values[c] is List<float> numbers)
            {
                yield return OrtValue.CreateTensorValueFromMemory(numbers.ToArray(), shape);
                continue;
            }

            var strings = (List<string>)_values[c];
            var tensor = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
            for (var i = 0; i < strings.Count; i++)
                tensor.StringTensorSetElementAt(strings[i].AsSpan(), i);
            yield return tensor;
        }
    }

    public void Dispose()
    {
        _raw.Dispose();
        _scored.Dispose();
    }

    private Func<float[]> Output(DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType)
        {
            var vector = _scored.GetGetter<VBuffer<float>>(column);
            var buffer = default(VBuffer<float>);
            return () =>
            {
                vector(ref buffer);
                return buffer.DenseValues().ToArray();
            };
        }

        var scalar = _scored.GetGetter<float>(column);
        return () =>
        {
            float value = 0;
            scalar(ref value);
            return [value];
        };
    }
}
