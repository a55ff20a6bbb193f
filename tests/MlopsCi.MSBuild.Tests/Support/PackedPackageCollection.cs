namespace MlopsCi.MSBuild.Tests.Support;

/// <summary>Every spec shares one packed package and runs one build at a time (the builds are heavy on two cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed MlopsCi.MSBuild";
}
