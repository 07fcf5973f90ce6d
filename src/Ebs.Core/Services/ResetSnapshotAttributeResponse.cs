namespace Ebs.Core.Services;

/// <summary>The result of ResetSnapshotAttribute, which AWS leaves empty.</summary>
public sealed record ResetSnapshotAttributeResponse
{
    internal ResetSnapshotAttributeResponse()
    {
    }
}
