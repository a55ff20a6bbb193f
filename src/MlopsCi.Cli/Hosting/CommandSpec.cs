namespace MlopsCi.Cli.Hosting;

/// <summary>
/// One command: its words (e.g. "data branch create"), positional argument names (a trailing '?' marks optional),
/// options it accepts, a one-line summary and the handler. <see cref="CommandTree"/> builds the System.CommandLine
/// tree from these declarations, and the help is rendered from them.
/// </summary>
internal sealed record CommandSpec(string Name, string[] Arguments, OptionSpec[] Options, string Summary, Func<CommandContext, Task<int>> Handler)
{
    /// <summary>The usage line shown in help and errors.</summary>
    public string Usage =>
        $"mlops {Name} {string.Join(' ', Arguments.Select(a => a.EndsWith('?') ? $"[<{a.TrimEnd('?')}>]" : $"<{a}>"))} {string.Join(' ', Options.Select(o => o.Usage))}".TrimEnd().Replace("  ", " ", StringComparison.Ordinal);
}

/// <summary>
/// An option: <c>--name value</c>, or a flag without a value; <see cref="Repeatable"/> options collect every value;
/// <see cref="Required"/> ones are shown without brackets (their handler reports them missing).
/// </summary>
internal sealed record OptionSpec(string Name, string? ValueName, string Description, bool Repeatable = false, string? Alias = null, bool Required = false)
{
    /// <summary>Whether the option takes no value.</summary>
    public bool IsFlag => ValueName is null;

    /// <summary>Usage fragment.</summary>
    public string Usage
    {
        get
        {
            var text = (Alias is null ? "" : Alias + "|") + "--" + Name + (IsFlag ? "" : $" <{ValueName}>");
            return (Required ? text : "[" + text + "]") + (Repeatable ? "..." : "");
        }
    }
}

/// <summary>A group of commands, listed in <see cref="CommandCatalog"/>.</summary>
internal interface ICommandGroup
{
    /// <summary>The group's commands.</summary>
    IEnumerable<CommandSpec> Commands { get; }
}
