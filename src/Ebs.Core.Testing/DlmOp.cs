namespace Ebs.Core.Testing;

/// <summary>The kinds of step a lifecycle-policy sequence takes.</summary>
public enum DlmOpKind
{
    /// <summary>Writes a block to a volume.</summary>
    Write,
    /// <summary>Takes a snapshot by hand.</summary>
    ManualSnapshot,
    /// <summary>Deletes a hand-taken snapshot.</summary>
    DeleteManualSnapshot,
    /// <summary>Advances the clock.</summary>
    AdvanceTime,
    /// <summary>Creates a lifecycle policy.</summary>
    CreatePolicy,
    /// <summary>Disables an enabled policy or enables a disabled one.</summary>
    TogglePolicy,
    /// <summary>Deletes a policy.</summary>
    DeletePolicy,
}

/// <summary>
/// One step of a lifecycle-policy sequence: <see cref="Target"/> picks a volume, snapshot or policy
/// by position; <see cref="Value"/> is a write's seed, a policy's retain count (tens) and interval
/// choice (units), or the seconds to advance.
/// </summary>
/// <param name="Kind">The kind of step.</param>
/// <param name="Target">Picks a volume, snapshot or policy by position.</param>
/// <param name="Value">A seed, a retain count and interval, or seconds.</param>
public sealed record DlmOp(DlmOpKind Kind, int Target, int Value);
