using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of StopInstances.</summary>
public sealed record StopInstancesRequest
{
    /// <summary>Gets the instances to stop.</summary>
    public required IReadOnlyList<InstanceId> InstanceIds { get; init; }

    /// <summary>Gets a value indicating whether to force the stop; the library has no guest to flush, so it changes nothing.</summary>
    public bool Force { get; init; }
}
