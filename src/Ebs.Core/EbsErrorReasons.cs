namespace Ebs.Core;

/// <summary>
/// The reasons the EBS direct APIs give with some errors (<see cref="EbsException.Reason"/>),
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
}
