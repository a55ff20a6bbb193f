using YamlDotNet.RepresentationModel;

namespace MlopsCi.Action.Tests.Runner;

/// <summary>One input of action.yml: its name, default (null when none) and whether it is marked required.</summary>
internal sealed record ActionInput(string Name, string? Default, bool Required);

/// <summary>action.yml, read the way the runner reads it: inputs with defaults, outputs, and the <c>runs</c> section.</summary>
internal sealed class ActionMetadata
{
    private ActionMetadata(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public IReadOnlyList<ActionInput> Inputs => Map("inputs").Children
        .Select(c => new ActionInput(Scalar(c.Key), Optional((YamlMappingNode)c.Value, "default"), Optional((YamlMappingNode)c.Value, "required") == "true"))
        .ToList();

    public IReadOnlyList<string> Outputs => Map("outputs").Children.Select(c => Scalar(c.Key)).ToList();

    public string Using => Optional(Map("runs"), "using") ?? "";

    public string Image => Optional(Map("runs"), "image") ?? "";

    /// <summary><c>runs.args</c>, or null when the image's CMD applies.</summary>
    public IReadOnlyList<string>? Args => Map("runs").Children.TryGetValue(new YamlScalarNode("args"), out var args)
        ? ((YamlSequenceNode)args).Children.Select(Scalar).ToList()
        : null;

    public static ActionMetadata Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return new ActionMetadata((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Map(string key) => (YamlMappingNode)Root.Children[new YamlScalarNode(key)];

    private static string? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Scalar(value) : null;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}
