namespace Ebs.Core.Tests.Properties;

/// <summary>
/// A model-based sequence: the retention in days of a Region-level Recycle Bin rule for snapshots
/// created before the first step (<see langword="null"/>: no rule, deleted snapshots are gone at once), then the steps.
/// </summary>
public sealed record ModelSequence(int? RetentionDays, ModelOp[] Ops)
{
    public override string ToString() => $"rule {RetentionDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: [{string.Join(", ", Ops.Select(o => o.ToString()))}]";
}
