namespace Ebs.Core.Services;

/// <summary>The parameters of GetStorageUsage (the library's own operation), which has none: it measures the caller's snapshots in the facade's Region.</summary>
public sealed record GetStorageUsageRequest
{
}
