using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    private static readonly string[] SnapshotOwnerAliases = ["self", "amazon"];
    private static readonly string[] ImageOwnerAliases = ["self", "amazon", "aws-backup-vault", "aws-marketplace"];

    /// <summary>Resolves the owners a describe call is scoped to: account ids and <paramref name="aliases"/>, <c>self</c> being the caller.</summary>
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

            resolved.Add(owner == "self" ? AccountId : owner);
        }

        return resolved;
    }
}
