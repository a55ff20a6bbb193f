namespace MlopsCi.Core.Versioning;

/// <summary>
/// What a commit, merge or revert wants a branch to become: a new commit of <see cref="Tree"/> with these parents, or a
/// fast-forward to the existing commit <see cref="FastForwardTo"/>. <see cref="Kind"/> names it in the outcome.
/// </summary>
internal sealed record BranchProposal(IReadOnlyList<string> Parents, Metarange Tree, string Message, IReadOnlyDictionary<string, string> Metadata, string Kind, string? FastForwardTo = null);
