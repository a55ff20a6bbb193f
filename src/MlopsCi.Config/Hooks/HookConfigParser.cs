using System.Text.RegularExpressions;
using MlopsCi.Config.Yaml;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Config.Hooks;

/// <summary>
/// Reads a hooks file, shaped like a lakeFS action: <c>name</c>, <c>on</c> (<c>pre-commit</c>/<c>pre-merge</c> with
/// optional <c>branches</c> globs) and ordered <c>hooks</c> (<c>id</c>, <c>type</c>, <c>properties</c>). Bad YAML, unknown
/// keys, hook types or column types and invalid values are <see cref="Core.Errors.InvalidInputException"/>s naming the
/// file and line.
/// </summary>
public sealed partial class HookConfigParser : IHookConfigParser
{
    private static readonly string[] TopKeys = ["name", "description", "on", "hooks"];
    private static readonly string[] EventKeys = ["pre-commit", "pre-merge"];
    private static readonly string[] TriggerKeys = ["branches"];
    private static readonly string[] HookKeys = ["id", "type", "description", "severity", "properties"];

    /// <inheritdoc />
    public HookDocument? Parse(string text, string file)
    {
        var root = YamlValues.Load(text, file);
        if (root is null)
            return null;
        var top = new YamlSection(file, "", root, TopKeys);
        var triggers = ParseTriggers(top);
        var hooks = ParseHooks(top);
        return new HookDocument(top.String("name") ?? file, file, triggers, hooks);
    }

    private static List<HookTrigger> ParseTriggers(YamlSection top)
    {
        var on = top.Section("on", EventKeys)
            ?? throw top.Error(top.Node, "'on' is required: say when the hooks run (e.g. on: { pre-commit: { branches: [\"*\"] }, pre-merge: { branches: [main] } })");
        var triggers = new List<HookTrigger>();
        foreach (var key in on.Keys)
        {
            var hookEvent = key == "pre-commit" ? HookEvent.PreCommit : HookEvent.PreMerge;
            var trigger = on.Section(key, TriggerKeys);
            var branches = trigger is null ? [] : HookValues.Strings(trigger, "branches");
            foreach (var branch in branches.Where(b => b.Length == 0))
                throw on.Error(key, $"'on.{key}.branches' has an empty pattern");
            triggers.Add(new HookTrigger(hookEvent, branches));
        }

        return triggers.Count > 0 ? triggers : throw on.Error(on.Node, "'on' names no event; use pre-commit and/or pre-merge");
    }

    private static List<HookDefinition> ParseHooks(YamlSection top)
    {
        if (!top.Has("hooks"))
            throw top.Error(top.Node, "'hooks' is required: a list of hooks, each with an id and a type (see 'Data-quality hooks' in README.md)");
        var hooks = new List<HookDefinition>();
        var index = 0;
        foreach (var node in top.Items("hooks"))
        {
            var hook = new YamlSection(top.File, $"hooks[{index++}]", node, HookKeys);
            var id = hook.RequiredString("id", "fare-present");
            if (!IdPattern().IsMatch(id))
                throw hook.Error("id", $"hook id '{id}' may hold only letters, digits, '-', '_' and '.', starting with a letter or digit");
            if (hooks.FirstOrDefault(h => h.Id == id) is { } earlier)
                throw hook.Error("id", $"hook id '{id}' is already used on line {earlier.Source.Line}; ids must be unique");
            var type = hook.RequiredString("type", "not-null");
            var properties = HookRuleParser.KnownKeys(type, hook);
            // Without properties, the hook's own mapping stands in (it shares no key with them) so errors name its line.
            var section = hook.Section("properties", properties) ?? new YamlSection(top.File, hook.Child("properties"), node, null);
            var rule = HookRuleParser.Parse(type, section);
            var files = rule is LeakageRule ? [] : HookValues.Files(section);
            hooks.Add(new HookDefinition(id, type, rule, files, new HookSource(top.File, hook.Line), Severity(hook, type), HookValues.Mostly(section)));
        }

        return hooks.Count > 0 ? hooks : throw top.Error("hooks", "'hooks' is empty; list at least one hook");
    }

    /// <summary><c>severity: fail | warn</c>; new-categories warns unless told otherwise (a new value is news, not an error).</summary>
    private static HookSeverity Severity(YamlSection hook, string type) => hook.String("severity") switch
    {
        null => type == "new-categories" ? HookSeverity.Warn : HookSeverity.Fail,
        "fail" or "error" => HookSeverity.Fail,
        "warn" or "warning" => HookSeverity.Warn,
        var other => throw hook.Error("severity", $"'{hook.Child("severity")}' must be fail or warn, not '{other}'"),
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();
}
