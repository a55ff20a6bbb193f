using MlopsCi.Core.Errors;

namespace MlopsCi.Cli.Hosting;

/// <summary>Bad command-line usage (exit 2); the message is followed by the command's usage line and where its help is.</summary>
internal sealed class UsageException(string message, CommandSpec? command)
    : InvalidInputException(command is null ? message : $"{message}\nusage: {command.Usage}\n'mlops {command.Name} --help' for details.")
{
}
