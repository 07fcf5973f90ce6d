namespace Ebs.Core.Domain;

/// <summary>The instants a recovery point's <see cref="Lifecycle"/> gives: its creation plus the days (AWS Backup's <c>CalculatedLifecycle</c>).</summary>
public sealed record CalculatedLifecycle
{
    /// <summary>Gets when the point moves to cold storage, or <see langword="null"/> when it does not.</summary>
    public DateTimeOffset? MoveToColdStorageAt { get; init; }

    /// <summary>Gets when the point is deleted, or <see langword="null"/> when it is kept.</summary>
    public DateTimeOffset? DeleteAt { get; init; }
}
