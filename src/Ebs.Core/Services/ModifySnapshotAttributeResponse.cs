namespace Ebs.Core.Services;

/// <summary>The result of ModifySnapshotAttribute, which AWS leaves empty.</summary>
public sealed record ModifySnapshotAttributeResponse
{
    internal ModifySnapshotAttributeResponse()
    {
    }
}
