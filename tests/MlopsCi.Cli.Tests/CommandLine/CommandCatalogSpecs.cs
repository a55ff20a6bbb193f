using MlopsCi.Cli.Hosting;

namespace MlopsCi.Cli.Tests.CommandLine;

/// <summary>The one list of command groups misses none, and gives each command once, in name order.</summary>
public sealed class CommandCatalogSpecs
{
    [Fact]
    public void Every_command_group_in_the_assembly_is_listed()
    {
        var groups = typeof(CommandCatalog).Assembly.GetTypes()
            .Where(t => typeof(ICommandGroup).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .ToList();
        var declared = groups.SelectMany(t => ((ICommandGroup)Activator.CreateInstance(t)!).Commands).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.True(groups.Count >= 16, $"{groups.Count} groups");
        Assert.Equal(declared, CommandCatalog.Load().Select(c => c.Name));
    }

    [Fact]
    public void Commands_are_in_name_order_and_each_is_there_once()
    {
        var names = CommandCatalog.Load().Select(c => c.Name).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("data branch create", names);
    }
}
