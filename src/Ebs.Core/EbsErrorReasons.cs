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
}
