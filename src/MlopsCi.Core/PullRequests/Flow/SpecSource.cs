using System.Text;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// The pull request's spec as written, where it lives in the code repository (to read the base branch's version of the
/// same file) and how to read spec text (the YAML parser is an adapter's).
/// </summary>
/// <param name="Text">The spec file's text in the pull request's checkout.</param>
/// <param name="RepositoryPath">Its path from the code repository's root, e.g. <c>model/mlops.yml</c>.</param>
/// <param name="Parse">Parses spec text; the second argument names it in error messages.</param>
public sealed record SpecSource(string Text, string RepositoryPath, Func<string, string, MlopsSpec> Parse)
{
    /// <summary>SHA-256 of the text.</summary>
    public string Hash => Hashing.Sha256Hex(Encoding.UTF8.GetBytes(Text));
}
