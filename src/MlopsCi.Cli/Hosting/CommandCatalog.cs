using MlopsCi.Cli.Commands;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// Every command of <c>mlops</c>, in name order, from one list of the command groups. The list is written out rather
/// than discovered by reflection: <c>Assembly.GetTypes()</c> and a LINQ sort cost ~8 ms of every start, <c>--version</c>
/// included. <c>CommandCatalogSpecs</c> fails when a group is missing here.
/// </summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CommandSpec> Load()
    {
        ICommandGroup[] groups =
        [
            new ActionCommand(), new CompletionCommand(), new DataCommands(), new DataFileCommands(), new DataMaintenanceCommands(),
            new DataRefCommands(), new DemoCommand(), new DriftCommands(), new GateCommand(), new HooksCommands(), new ModelsCommands(),
            new MonitorCommands(), new PrCommands(), new RunsCommands(), new TrainingCommands(), new UiCommand(),
        ];
        var commands = new List<CommandSpec>(96);
        foreach (var group in groups)
            commands.AddRange(group.Commands);
        commands.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return commands;
    }
}
