namespace Ebs.Core.Domain;

/// <summary>The instance whose volumes CreateSnapshots captures, and which of them (AWS's <c>InstanceSpecification</c>).</summary>
public sealed record InstanceSpecification
{
    /// <summary>Gets the instance.</summary>
    public required InstanceId InstanceId { get; init; }

    /// <summary>Gets a value indicating whether the root volume is left out.</summary>
    public bool ExcludeBootVolume { get; init; }

    /// <summary>Gets a value indicating whether every volume but the root is left out.</summary>
    public bool ExcludeDataVolumes { get; init; }
}
