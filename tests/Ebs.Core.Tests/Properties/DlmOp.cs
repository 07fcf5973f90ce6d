namespace Ebs.Core.Tests.Properties;

/// <summary>The kinds of step a lifecycle-policy sequence takes.</summary>
public enum DlmOpKind
{
    Write,
    ManualSnapshot,
    DeleteManualSnapshot,
    AdvanceTime,
    CreatePolicy,
    TogglePolicy,
    DeletePolicy,
}

/// <summary>
/// One step of a lifecycle-policy sequence: <see cref="Target"/> picks a volume, snapshot or policy
/// by position; <see cref="Value"/> is a write's seed, a policy's retain count (tens) and interval
/// choice (units), or the seconds to advance.
/// </summary>
public sealed record DlmOp(DlmOpKind Kind, int Target, int Value);
