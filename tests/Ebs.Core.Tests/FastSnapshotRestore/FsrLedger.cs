using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.FastSnapshotRestore;

/// <summary>The Fast Snapshot Restore lines of a test cloud's usage ledger, in the order written.</summary>
internal static class FsrLedger
{
    public static List<UsageEntry> Entries(TestCloud t)
        => [.. t.Cloud.Engine.World.Table(RecordKinds.Usage).Values
            .Where(e => e.Type is UsageType.FastSnapshotRestore or UsageType.FastSnapshotRestoreMinimum)];
}
