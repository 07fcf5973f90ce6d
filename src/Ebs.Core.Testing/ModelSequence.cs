namespace Ebs.Core.Testing;

/// <summary>
/// A model-based sequence: the retention in days of a Region-level Recycle Bin rule for snapshots
/// created before the first step (<see langword="null"/>: no rule, deleted snapshots are gone at once), then the steps.
/// </summary>
/// <param name="RetentionDays">The rule's retention in days, or <see langword="null"/>.</param>
/// <param name="Ops">The steps.</param>
public sealed record ModelSequence(int? RetentionDays, IReadOnlyList<ModelOp> Ops)
{
    /// <summary>The rule and the steps, one line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"rule {RetentionDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: [{string.Join(", ", Ops.Select(o => o.ToString()))}]";
}
