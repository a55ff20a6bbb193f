namespace MlopsCi.BuildScript.Runner;

/// <summary>The text printed by --help: targets with descriptions and dependencies, then every parameter.</summary>
internal static class HelpWriter
{
    public static void Write(TextWriter output, BuildModel model)
    {
        output.WriteLine("Usage: ./build.sh [Target ...] [--parameter value ...]   (build.cmd on Windows)");
        output.WriteLine();
        output.WriteLine("Targets (-> dependencies, ordering in brackets):");
        var width = model.Targets.Max(t => t.Name.Length + (t == model.DefaultTarget ? " (default)".Length : 0)) + 2;
        foreach (var target in model.Targets)
        {
            var name = target == model.DefaultTarget ? $"{target.Name} (default)" : target.Name;
            output.WriteLine($"  {name.PadRight(width)}{target.Description}");
            var relations = new List<string>();
            if (target.DependsOn.Count > 0)
                relations.Add("-> " + string.Join(", ", target.DependsOn));
            if (target.After.Count > 0)
                relations.Add("[after " + string.Join(", ", target.After) + "]");
            if (target.Requires.Count > 0)
                relations.Add("requires " + string.Join(", ", target.Requires.Select(r => "--" + ParameterNames.Kebab(r))));
            if (relations.Count > 0)
                output.WriteLine($"  {"".PadRight(width)}{string.Join("  ", relations)}");
        }

        output.WriteLine();
        output.WriteLine("Parameters (argument, then environment variable, then .nuke/parameters.json):");
        var usages = model.Parameters.ToDictionary(p => p, p => p.IsFlag ? $"--{p.Kebab}" : $"--{p.Kebab} <{p.TypeName}>");
        var column = usages.Values.Max(u => u.Length) + 2;
        foreach (var parameter in model.Parameters)
        {
            var fallback = parameter.DefaultValue is null or false ? "" : $" (default: {parameter.DefaultValue})";
            output.WriteLine($"  {usages[parameter].PadRight(column)}{parameter.Description}{fallback}");
            output.WriteLine($"  {"".PadRight(column)}env {string.Join(" | ", parameter.EnvironmentNames)}");
        }

        output.WriteLine();
        output.WriteLine("Switches:");
        output.WriteLine("  --help             Show this text");
        output.WriteLine("  --plan             Print the execution order of the given targets without running them");
        output.WriteLine("  --generate-schema  Rewrite .nuke/build.schema.json from the declared targets and parameters");
    }
}
