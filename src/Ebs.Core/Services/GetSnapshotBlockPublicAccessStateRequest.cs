namespace Ebs.Core.Services;

/// <summary>The parameters of GetSnapshotBlockPublicAccessState, of which there are none.</summary>
public sealed record GetSnapshotBlockPublicAccessStateRequest
{
}
