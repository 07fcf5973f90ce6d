using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ScheduleKeyDeletion.</summary>
public sealed record ScheduleKeyDeletionResponse
{
    internal ScheduleKeyDeletionResponse()
    {
    }

    /// <summary>Gets the key ARN.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets when the key is deleted.</summary>
    public required DateTimeOffset DeletionDate { get; init; }

    /// <summary>Gets the key's state, <see cref="KeyState.PendingDeletion"/>.</summary>
    public required KeyState KeyState { get; init; }

    /// <summary>Gets the waiting period in days.</summary>
    public required int PendingWindowInDays { get; init; }
}
