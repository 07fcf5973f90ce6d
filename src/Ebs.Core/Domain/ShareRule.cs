namespace Ebs.Core.Domain;

/// <summary>Sharing of a schedule's snapshots with other accounts (DLM's <c>ShareRule</c>): each snapshot is shared once it completes and, with <see cref="UnshareInterval"/>, unshared that long afterwards.</summary>
public sealed record ShareRule
{
    /// <summary>Gets the 12-digit ids of the accounts the snapshots are shared with, at least one.</summary>
    public required IReadOnlyList<string> TargetAccounts { get; init; }

    /// <summary>Gets how long after sharing a snapshot is unshared, or <see langword="null"/> to share it until it is deleted; shorter than the schedule's retention.</summary>
    public int? UnshareInterval { get; init; }

    /// <summary>Gets the unit of <see cref="UnshareInterval"/>.</summary>
    public RetentionIntervalUnitValues? UnshareIntervalUnit { get; init; }
}
