using MlopsCi.MSBuild.Tests.Support;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.MSBuild.Tests;

[Collection(PackedPackageCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class DataCheckoutSpecs(PackedPackage package)
{
    [Fact]
    public async Task A_build_checks_the_data_ref_out_under_obj_and_skips_it_while_the_commit_is_unchanged()
    {
        var store = await package.NewStoreAsync(rows: 40);
        var consumer = package.CopyConsumer("DataCheckout");
        var data = Path.Combine(consumer, "obj", "Debug", "net10.0", "mlops-data", "data.csv");

        var first = (await package.BuildAsync(consumer, store)).EnsureSuccess("first build");
        Assert.Contains("MlopsDataCheckout: checked out 'main'", first.Output, StringComparison.Ordinal);
        Assert.Equal(SyntheticData.Binary(40, 1), await File.ReadAllTextAsync(data));

        var second = (await package.BuildAsync(consumer, store)).EnsureSuccess("second build");
        Assert.Contains("checkout skipped", second.Output, StringComparison.Ordinal);
        Assert.Contains("MLOPS-DATA folder=", second.Output, StringComparison.Ordinal);

        await package.CommitAsync(store, rows: 45, seed: 3);
        var third = (await package.BuildAsync(consumer, store)).EnsureSuccess("build after new data");
        Assert.Contains("MlopsDataCheckout: checked out 'main'", third.Output, StringComparison.Ordinal);
        Assert.Equal(SyntheticData.Binary(45, 3), await File.ReadAllTextAsync(data));
    }
}
