using MlopsCi.Core.Errors;

namespace MlopsCi.Config.Yaml;

/// <summary>
/// Collects the problems of a spec file while parsing goes on, so every one is reported at once: each key is read in
/// <see cref="Try{T}"/>, which records a problem and gives a fallback value that raises no further problems.
/// </summary>
internal sealed class SpecErrors
{
    private readonly List<SpecError> _errors = [];

    /// <summary>The value <paramref name="read"/> gives, or <paramref name="fallback"/> when it finds a problem (recorded).</summary>
    public T Try<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (InvalidInputException e) when (e.SpecErrors.Count > 0)
        {
            _errors.AddRange(e.SpecErrors);
            return fallback;
        }
    }

    /// <summary>Runs a check, recording the problem it finds.</summary>
    public void Try(Action check) => Try(() => { check(); return true; }, false);

    public void Add(InvalidInputException error) => _errors.AddRange(error.SpecErrors);

    /// <summary>Throws every problem recorded, in line order, when there is one.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new InvalidInputException([.. _errors.Distinct().OrderBy(e => e.Line)]);
    }
}
