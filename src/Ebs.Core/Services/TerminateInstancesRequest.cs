using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of TerminateInstances.</summary>
public sealed record TerminateInstancesRequest
{
    /// <summary>Gets the instances to terminate.</summary>
    public required IReadOnlyList<InstanceId> InstanceIds { get; init; }
}
