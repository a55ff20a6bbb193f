namespace MlopsCi.GitHub.Actions;

/// <summary>
/// Writes workflow commands to the runner (standard output): log groups, annotations, masks and debug lines.
/// </summary>
public sealed class WorkflowCommands(TextWriter output)
{
    /// <summary>Starts a collapsible log group.</summary>
    public void Group(string title) => Write("group", [], title);

    /// <summary>Ends the current log group.</summary>
    public void EndGroup() => Write("endgroup", [], string.Empty);

    /// <summary>Starts a log group that ends when the returned value is disposed.</summary>
    public IDisposable BeginGroup(string title)
    {
        Group(title);
        return new GroupScope(this);
    }

    /// <summary>An error annotation.</summary>
    public void Error(string message, AnnotationProperties? properties = null) =>
        Write("error", properties?.ToProperties() ?? [], message);

    /// <summary>A warning annotation.</summary>
    public void Warning(string message, AnnotationProperties? properties = null) =>
        Write("warning", properties?.ToProperties() ?? [], message);

    /// <summary>A notice annotation.</summary>
    public void Notice(string message, AnnotationProperties? properties = null) =>
        Write("notice", properties?.ToProperties() ?? [], message);

    /// <summary>A line shown only when step debug logging is on.</summary>
    public void Debug(string message) => Write("debug", [], message);

    /// <summary>
    /// Masks <paramref name="secret"/> in all later log output. A multi-line value is masked line by line as well,
    /// because the runner matches masks within single log lines.
    /// </summary>
    public void AddMask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0)
        {
            return;
        }

        Write("add-mask", [], secret);
        if (secret.IndexOfAny(['\r', '\n']) < 0)
        {
            return;
        }

        foreach (var line in secret.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Write("add-mask", [], line);
        }
    }

    private void Write(string command, IEnumerable<KeyValuePair<string, string>> properties, string message) =>
        output.Write(WorkflowCommandFormat.Format(command, properties, message) + "\n");

    private sealed class GroupScope(WorkflowCommands commands) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                commands.EndGroup();
            }
        }
    }
}
