namespace Ebs.Core;

/// <summary>
/// The reasons the EBS direct APIs and the Recycle Bin give with some errors (<see cref="EbsException.Reason"/>),
/// spelled as AWS's service model spells them (<c>ValidationExceptionReason</c>,
/// <c>ResourceNotFoundExceptionReason</c>).
/// </summary>
public static class EbsErrorReasons
{
    /// <summary>With <c>ValidationException</c>: a <c>NextToken</c> that the operation did not issue.</summary>
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";

    /// <summary>With <c>ValidationException</c>: a snapshot id missing or not of the form <c>snap-</c> followed by hexadecimal digits.</summary>
    public const string InvalidSnapshotId = "INVALID_SNAPSHOT_ID";

    /// <summary>With <c>ValidationException</c>: a parameter outside its range, such as <c>MaxResults</c>.</summary>
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";

    /// <summary>With <c>ResourceNotFoundException</c>: the snapshot does not exist for the caller in the Region.</summary>
    public const string SnapshotNotFound = "SNAPSHOT_NOT_FOUND";

    /// <summary>With <c>ResourceNotFoundException</c> from the Recycle Bin: no retention rule of the caller in the Region has the identifier or ARN.</summary>
    public const string RuleNotFound = "RULE_NOT_FOUND";

    /// <summary>With <c>ConflictException</c>: the retention rule's lock state does not allow the change.</summary>
    public const string InvalidRuleState = "INVALID_RULE_STATE";

    /// <summary>With <c>ServiceQuotaExceededException</c>: a Recycle Bin quota would be passed.</summary>
    public const string ServiceQuotaExceeded = "SERVICE_QUOTA_EXCEEDED";

    /// <summary>With <c>ValidationException</c>: a block token that is not valid for the snapshot and block, or has expired.</summary>
    public const string InvalidBlockToken = "INVALID_BLOCK_TOKEN";

    /// <summary>With <c>ValidationException</c>: ListChangedBlocks of two snapshots that share no volume lineage.</summary>
    public const string UnrelatedSnapshots = "UNRELATED_SNAPSHOTS";

    /// <summary>With <c>ValidationException</c>: block data that does not match its length or checksum, or a block index outside the volume.</summary>
    public const string InvalidBlock = "INVALID_BLOCK";

    /// <summary>With <c>ValidationException</c>: a tag key or value out of bounds.</summary>
    public const string InvalidTag = "INVALID_TAG";

    /// <summary>With <c>ValidationException</c>: a volume size outside 1–65,536 GiB or below the parent snapshot's.</summary>
    public const string InvalidVolumeSize = "INVALID_VOLUME_SIZE";

    /// <summary>With <c>ValidationException</c>: a write to a snapshot that timed out before it was completed.</summary>
    public const string WriteRequestTimeout = "WRITE_REQUEST_TIMEOUT";

    /// <summary>With <c>AccessDeniedException</c>: the caller's account may not use the snapshot this way.</summary>
    public const string UnauthorizedAccount = "UNAUTHORIZED_ACCOUNT";
}
