using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary>
/// The snapshot a command needs completed (export, a volume or copy from it): described, and with
/// <c>--wait</c> described again on the store's clock until it completes, instead of failing
/// while it is pending.
/// </summary>
internal static class CompletedSnapshot
{
    /// <summary>How long to wait between looks at a pending snapshot.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets the snapshot once it is completed.</summary>
    /// <exception cref="EbsException">
    /// <c>IncorrectState</c> when it is pending and <paramref name="wait"/> is not set, or when it failed (state error);
    /// the errors of <c>DescribeSnapshots</c> for an unknown or malformed id.
    /// </exception>
    public static async Task<Snapshot> GetAsync(Ec2Client ec2, SnapshotId id, bool wait, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [id] }, cancellationToken)).Snapshots.Single();
            switch (snapshot.State)
            {
                case SnapshotState.Completed:
                    return snapshot;
                case SnapshotState.Pending when wait:
                    await Task.Delay(Poll, time, cancellationToken);
                    break;
                case SnapshotState.Pending:
                    throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot {id} is pending ({snapshot.ProgressPercent}%); pass --wait to wait until it completes.", id.Value);
                default:
                    throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot {id} is in state '{snapshot.State.ToAwsString()}'; only a completed snapshot can be used.", id.Value);
            }
        }
    }
}
