using MlopsCi.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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
            throw new InvalidInputException([new SpecError(file, (int)e.Start.Line, $"invalid YAML: {reason}. Check the indentation and quoting there", (int)e.Start.Column)], e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way (no position) on some unterminated constructs, e.g. '{ train: x' with no '}'.
            throw Unreadable(text, file, e);
        }

        if (stream.Documents.Count > 1)
            throw Error(file, (int)stream.Documents[1].RootNode.Start.Line, "more than one YAML document ('---'); keep one");
        return stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode) ? null : stream.Documents[0].RootNode;
    }

    // Re-reads the events up to the failure to say where: the unclosed '{' or '[' when there is one, else the last good event.
    private static InvalidInputException Unreadable(string text, string file, Exception inner)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(Mark Start, char Bracket)>();
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                switch (current)
                {
                    case MappingStart { Style: MappingStyle.Flow }:
                        open.Push((current.Start, '{'));
                        break;
                    case SequenceStart { Style: SequenceStyle.Flow }:
                        open.Push((current.Start, '['));
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or YamlException)
        {
            // Expected: this is the failure being located.
        }

        if (open.TryPeek(out var unclosed))
        {
            var closing = unclosed.Bracket == '{' ? '}' : ']';
            return new InvalidInputException([new SpecError(file, (int)unclosed.Start.Line, $"invalid YAML: the flow {(closing == '}' ? "mapping" : "list")} '{unclosed.Bracket}' opened here is not closed with '{closing}'. Close it on the same line, or write the entries as an indented block", (int)unclosed.Start.Column)], inner);
        }

        return new InvalidInputException([new SpecError(file, (int)last.Line, "invalid YAML: it cannot be read after this point. Check the brackets, quotes and indentation there", (int)last.Column)], inner);
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

    public static InvalidInputException Error(string file, int line, string message) => new([new SpecError(file, line, message)]);
}
