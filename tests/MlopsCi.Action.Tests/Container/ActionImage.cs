namespace MlopsCi.Action.Tests.Container;

/// <summary>
/// The action's image, built once per test run by <see cref="ContainerBuild"/> from this repository (actions/Dockerfile,
/// repository root as context) into a scratch folder that is deleted afterwards.
/// </summary>
public sealed class ActionImage : IAsyncLifetime
{
    private readonly TempFolder _root = new();
    private ContainerBuild? _build;

    internal ContainerBuild Build => _build ?? throw new InvalidOperationException("The image is not built yet.");

    public async Task InitializeAsync() =>
        _build = await ContainerBuild.BuildAsync(RepositoryRoot.Path, RepositoryRoot.Combine("actions", "Dockerfile"), _root.Combine("rootfs"));

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Test classes that run the built image share one build (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ActionImageCollection : ICollectionFixture<ActionImage>
{
    public const string Name = "action image";
}
