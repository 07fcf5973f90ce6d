namespace Ebs.Core.Domain;

/// <summary>The lock of a retention rule: its unlock delay.</summary>
public sealed record LockConfiguration
{
    /// <summary>Gets the delay between unlocking the rule and its being unlocked.</summary>
    public required UnlockDelay UnlockDelay { get; init; }
}
