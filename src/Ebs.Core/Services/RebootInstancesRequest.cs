using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of RebootInstances.</summary>
public sealed record RebootInstancesRequest
{
    /// <summary>Gets the instances to reboot.</summary>
    public required IReadOnlyList<InstanceId> InstanceIds { get; init; }
}
