using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using YamlDotNet.RepresentationModel;

namespace MlopsCi.Config.Yaml;

/// <summary>
/// A YAML mapping read with a fixed set of keys: unknown keys, wrong types and bad values are bad input naming the file
/// and line (and a close known key when there is one). Shared by every YAML file mlops reads. With <see cref="Errors"/>
/// (mlops.yml), every unknown key is recorded there and the others are read on; without, the first is thrown.
/// </summary>
internal sealed class YamlSection
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _keyLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InvalidInputException> _misspelt = new(StringComparer.Ordinal);

    /// <summary>
    /// The mapping <paramref name="node"/> at <paramref name="path"/>; a key not in <paramref name="knownKeys"/> is an
    /// error, with the closest known key, else <paramref name="hintFor"/>'s word on where it belongs, else the known keys.
    /// </summary>
    public YamlSection(string file, string path, YamlNode node, IReadOnlyCollection<string>? knownKeys, SpecErrors? errors = null, Func<string, string?>? hintFor = null)
    {
        File = file;
        Path = path;
        Node = node;
        Errors = errors;
        if (node is not YamlMappingNode mapping)
            throw Error(node, $"'{path}' must be a mapping of keys (key: value), not {YamlValues.Describe(node)}");
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } text } ? text : throw Error(keyNode, $"keys under '{path}' must be plain names");
            if (knownKeys is not null && !knownKeys.Contains(key))
            {
                var close = Suggest.Closest(key, knownKeys);
                var hint = close is not null ? $" (did you mean '{close}'?)"
                    : hintFor?.Invoke(key) is { } where ? $": {where}"
                    : $" (known keys: {string.Join(", ", knownKeys)})";
                var unknown = Error(keyNode, path.Length == 0 ? $"unknown top-level key '{key}'{hint}" : $"unknown key '{key}' under '{path}'{hint}");
                if (errors is null)
                    throw unknown;
                errors.Add(unknown);
                if (close is not null)
                    _misspelt.TryAdd(close, unknown);
                continue;
            }

            _values[key] = value;
            _keyLines[key] = (int)keyNode.Start.Line;
        }
    }

    public string File { get; }

    /// <summary>Where problems are collected (mlops.yml), or null: the first is thrown.</summary>
    public SpecErrors? Errors { get; }

    /// <summary>The keys present, in file order.</summary>
    public IReadOnlyList<string> Keys => [.. _values.Keys];

    public string Path { get; }

    public YamlNode Node { get; }

    public int Line => (int)Node.Start.Line;

    public bool Has(string key) => _values.ContainsKey(key) && !YamlValues.IsNull(_values[key]);

    public YamlNode? Get(string key) => Has(key) ? _values[key] : null;

    /// <summary>The line a key is written on (the section's first line when the key is absent).</summary>
    public int LineOf(string key) => _keyLines.TryGetValue(key, out var line) ? line : Line;

    public YamlSection? Section(string key, IReadOnlyCollection<string> knownKeys) =>
        Get(key) is { } node ? new YamlSection(File, Child(key), node, knownKeys, Errors) : null;

    public string? String(string key) => Get(key) is { } node ? Scalar(key, node) : null;

    /// <summary>The value of a key that must be there; when it is missing because it was misspelt, the misspelling is the one problem.</summary>
    public string RequiredString(string key, string example) =>
        String(key) is { Length: > 0 } value ? value
        : !Has(key) && _misspelt.TryGetValue(key, out var misspelt) ? throw misspelt
        : throw Error(Node, $"'{Child(key)}' is required (e.g. {key}: {example})");

    public double? Number(string key)
    {
        if (String(key) is not { } text)
            return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(_values[key], $"'{Child(key)}' must be a number, not '{text}'");
    }

    public int? Integer(string key)
    {
        if (String(key) is not { } text)
            return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(_values[key], $"'{Child(key)}' must be a whole number, not '{text}'");
    }

    public IReadOnlyList<string> List(string key)
    {
        if (Get(key) is not { } node)
            return [];
        if (node is not YamlSequenceNode sequence)
            throw Error(node, $"'{Child(key)}' must be a list (e.g. {key}: [a, b]), not {YamlValues.Describe(node)}");
        return [.. sequence.Children.Select(item => Scalar(key, item))];
    }

    public IEnumerable<YamlNode> Items(string key)
    {
        if (Get(key) is not { } node)
            return [];
        return node is YamlSequenceNode sequence
            ? sequence.Children
            : throw Error(node, $"'{Child(key)}' must be a list, not {YamlValues.Describe(node)}");
    }

    public string Child(string key) => Path.Length == 0 ? key : Path + "." + key;

    public InvalidInputException Error(YamlNode node, string message) => YamlValues.Error(File, (int)node.Start.Line, message);

    public InvalidInputException Error(string key, string message) => YamlValues.Error(File, LineOf(key), message);

    /// <summary>The value <paramref name="read"/> gives; with <see cref="Errors"/>, a problem is recorded and <paramref name="fallback"/> given instead.</summary>
    public T Try<T>(Func<T> read, T fallback) => Errors is null ? read() : Errors.Try(read, fallback);

    private string Scalar(string key, YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"'{Child(key)}' must be a single value, not {YamlValues.Describe(node)}");
}
