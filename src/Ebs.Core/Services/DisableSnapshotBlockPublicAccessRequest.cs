namespace Ebs.Core.Services;

/// <summary>The parameters of DisableSnapshotBlockPublicAccess, of which there are none.</summary>
public sealed record DisableSnapshotBlockPublicAccessRequest
{
}
