using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>What a usage ledger entry measures, and so how a cost report prices it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UsageType>))]
public enum UsageType
{
    /// <summary>Snapshot bytes in the standard tier, as AWS bills them (shared only along a volume's lineage); a level, priced per GB-month.</summary>
    [JsonStringEnumMemberName("SnapshotStorage")]
    SnapshotStorage,

    /// <summary>Snapshot bytes in the archive tier (each archived snapshot at its full size); a level, priced per GB-month.</summary>
    [JsonStringEnumMemberName("SnapshotArchiveStorage")]
    SnapshotArchiveStorage,

    /// <summary>Fast Snapshot Restore enabled for a snapshot in an Availability Zone; a level in units, priced per DSU-hour.</summary>
    [JsonStringEnumMemberName("FastSnapshotRestore")]
    FastSnapshotRestore,

    /// <summary>The rest of the first hour of an FSR enablement that lasted less than one hour; a one-off charge per DSU-hour.</summary>
    [JsonStringEnumMemberName("FastSnapshotRestoreMinimum")]
    FastSnapshotRestoreMinimum,

    /// <summary>Bytes restored from the archive tier; a one-off charge per GB.</summary>
    [JsonStringEnumMemberName("SnapshotArchiveRetrieval")]
    SnapshotArchiveRetrieval,

    /// <summary>The rest of the 90-day archive minimum of a snapshot deleted or permanently restored earlier; a one-off charge per GB-month.</summary>
    [JsonStringEnumMemberName("SnapshotArchiveEarlyDeletion")]
    SnapshotArchiveEarlyDeletion,
}
