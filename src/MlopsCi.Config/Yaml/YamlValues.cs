using MlopsCi.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlopsCi.Config.Yaml;

/// <summary>Loading a YAML document and describing its nodes in messages.</summary>
internal static class YamlValues
{
    /// <summary>Parses one YAML document; syntax errors are bad input with line and column. Null for an empty file.</summary>
    public static YamlNode? Load(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split(" at Line", 2)[0].Trim().TrimEnd('.');
            throw new InvalidInputException($"{file} line {e.Start.Line}, column {e.Start.Column}: invalid YAML: {reason}. Check the indentation and quoting there.", e);
        }

        if (stream.Documents.Count > 1)
            throw Error(file, (int)stream.Documents[1].RootNode.Start.Line, "more than one YAML document ('---'); keep one");
        return stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode) ? null : stream.Documents[0].RootNode;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => $"the value '{scalar.Value}'",
        _ => "this value",
    };

    public static InvalidInputException Error(string file, int line, string message) => new($"{file} line {line}: {message}.");
}
