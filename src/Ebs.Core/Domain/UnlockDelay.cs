namespace Ebs.Core.Domain;

/// <summary>How long a locked retention rule stays locked after it is unlocked.</summary>
public sealed record UnlockDelay
{
    /// <summary>Gets the number of units: 7 to 30 days.</summary>
    public required int UnlockDelayValue { get; init; }

    /// <summary>Gets the unit, always days.</summary>
    public UnlockDelayUnit UnlockDelayUnit { get; init; } = UnlockDelayUnit.Days;
}
