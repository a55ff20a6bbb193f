using System.Text.Json;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Hosting;

/// <summary>Everything a command handler needs: its arguments, the console, the environment and the store.</summary>
internal sealed class CommandContext(Composition services, ParsedArguments arguments, TextWriter output, TextWriter error, Func<string, string?> environment, string workingDirectory, CancellationToken cancellationToken) : IAsyncDisposable
{
    private IObjectStore? _store;

    /// <summary>The composition root: stores, trainer, validator and pull-request flow come from here.</summary>
    public Composition Services { get; } = services;

    public ParsedArguments Args { get; } = arguments;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public Func<string, string?> Environment { get; } = environment;

    public string WorkingDirectory { get; } = workingDirectory;

    public CancellationToken Cancellation { get; } = cancellationToken;

    public bool Json => Args.Flag("json");

    /// <summary>The GitHub Actions environment; the composition's, or a changed copy for a command run inside another.</summary>
    public ActionsEnvironment Actions { get; init; } = services.Actions;

    public bool InGitHubActions => Actions.IsGitHubActions;

    /// <summary>
    /// Maps a data-repository path to the file it came from in the checkout, relative to the repository root, for
    /// annotations GitHub can attach to the diff; null (or a null result) leaves the path as it is.
    /// </summary>
    public Func<string, string?>? CheckoutPath { get; set; }

    /// <summary>The store URI after precedence rules.</summary>
    public string StoreUri => StoreLocator.Resolve(Args.Option("store"), Environment, WorkingDirectory);

    public async Task<IObjectStore> OpenStoreAsync(bool createBucket = false)
    {
        var request = new StoreRequest(WorkingDirectory, Environment, Args.Option("s3-endpoint"), createBucket, line => Error.WriteLine(line));
        return _store ??= await Services.OpenStoreAsync(StoreLocation.Parse(StoreUri, WorkingDirectory), request, Cancellation);
    }

    public async Task<Repository> OpenRepositoryAsync(ICommitValidator? validator = null) =>
        await Repository.OpenAsync(await OpenStoreAsync(), RepositoryOptions.FromEnvironment(Environment, validator ?? Services.CreateValidator(this), Actions.Actor), Cancellation);

    public IProgressSink Progress(string verb) => Json ? NoProgress.Instance : new ConsoleProgress(Error, !Console.IsErrorRedirected && Error == Console.Error, verb);

    /// <summary>Writes <paramref name="json"/> as indented JSON with --json, else runs <paramref name="text"/>.</summary>
    public void Write(object json, Action<TextWriter> text)
    {
        if (Json)
            Out.WriteLine(JsonSerializer.Serialize(json, StoreJson.Pretty));
        else
            text(Out);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
    }
}
