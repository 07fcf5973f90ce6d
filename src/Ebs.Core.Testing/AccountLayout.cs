namespace Ebs.Core.Testing;

/// <summary>Accounts and the Regions each works in: the first account owns, the others receive shares and copy.</summary>
/// <param name="Accounts">The 12-digit account ids, the owner first.</param>
/// <param name="Regions">The Region names, the home Region first.</param>
public sealed record AccountLayout(IReadOnlyList<string> Accounts, IReadOnlyList<string> Regions)
{
    /// <summary>The layout as <c>111111111111,222222222222 in us-east-1,us-west-2</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{string.Join(",", Accounts)} in {string.Join(",", Regions)}";
}
