namespace Ebs.Core.Services;

/// <summary>The result of ReadSnapshot (the library's own operation).</summary>
public sealed record ReadSnapshotResponse
{
    internal ReadSnapshotResponse()
    {
    }

    /// <summary>Gets the number of bytes read: the destination's length.</summary>
    public required int BytesRead { get; init; }
}
