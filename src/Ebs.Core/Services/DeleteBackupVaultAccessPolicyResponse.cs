using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of DeleteBackupVaultAccessPolicy: AWS's empty 200 response.</summary>
public sealed record DeleteBackupVaultAccessPolicyResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DeleteBackupVaultAccessPolicyResponse()
    {
    }
}
