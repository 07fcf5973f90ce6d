using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    private static readonly string[] SnapshotOwnerAliases = ["self", "amazon"];
    private static readonly string[] ImageOwnerAliases = ["self", "amazon", "aws-backup-vault", "aws-marketplace"];
    private static readonly string[] PermissionAliases = ["self", Sharing.AllGroup];

    /// <summary>Resolves the owners or users a describe call is scoped to: account ids and <paramref name="aliases"/>, <c>self</c> being the caller and <c>amazon</c> the provider account of the built-in images.</summary>
    /// <exception cref="EbsException"><c>InvalidUserID.Malformed</c> for an entry that is neither.</exception>
    private HashSet<string> ResolveOwners(IReadOnlyList<string>? owners, string[] aliases)
    {
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in owners ?? [])
        {
            if (!AccountIdFormat.IsValid(owner) && !aliases.Contains(owner, StringComparer.Ordinal))
            {
                throw new EbsException(EbsErrorCodes.InvalidUserIdMalformed, $"Invalid user id: \"{owner}\"", owner);
            }

            resolved.Add(owner switch
            {
                "self" => AccountId,
                "amazon" => ProviderImages.OwnerId,
                _ => owner,
            });
        }

        return resolved;
    }
}
