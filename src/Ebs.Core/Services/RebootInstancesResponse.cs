namespace Ebs.Core.Services;

/// <summary>The result of RebootInstances, which AWS leaves empty.</summary>
public sealed record RebootInstancesResponse
{
    internal RebootInstancesResponse()
    {
    }
}
