namespace Ebs.Core.Services;

/// <summary>The parameters of ScheduleKeyDeletion: schedules a key's deletion.</summary>
public sealed record ScheduleKeyDeletionRequest
{
    /// <summary>Gets the key id or ARN.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets the waiting period, 7 to 30 days; 30 when not given.</summary>
    public int? PendingWindowInDays { get; init; }
}
