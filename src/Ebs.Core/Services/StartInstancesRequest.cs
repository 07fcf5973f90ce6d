using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of StartInstances.</summary>
public sealed record StartInstancesRequest
{
    /// <summary>Gets the instances to start.</summary>
    public required IReadOnlyList<InstanceId> InstanceIds { get; init; }
}
