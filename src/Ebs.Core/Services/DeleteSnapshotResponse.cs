namespace Ebs.Core.Services;

/// <summary>The result of DeleteSnapshot, which AWS leaves empty.</summary>
public sealed record DeleteSnapshotResponse
{
    internal DeleteSnapshotResponse()
    {
    }
}
