using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Core.Hooks;

/// <summary>Parses one hooks file; bad configuration is an <see cref="Errors.InvalidInputException"/> naming the file and line.</summary>
public interface IHookConfigParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> is its path in the data repository; null for an empty file.</summary>
    HookDocument? Parse(string text, string file);
}
