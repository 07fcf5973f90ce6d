using System.Collections.Frozen;
using System.Net;

namespace Ebs.Core;

/// <summary>
/// The AWS error codes this library raises, spelled exactly as AWS spells them: EC2's (from
/// "Error codes for the Amazon EC2 API") for <see cref="Services.Ec2Client"/>, and the EBS direct
/// APIs' exception names for <see cref="Services.EbsDirectClient"/>. docs/errors.md lists when
/// each is raised, and <see cref="StatusCodeOf"/> the HTTP status AWS answers each with.
/// </summary>
public static class EbsErrorCodes
{
    /// <summary>A value given for a parameter is not valid, is unsupported, or cannot be used.</summary>
    public const string InvalidParameterValue = "InvalidParameterValue";

    /// <summary>The parameters given cannot be used together.</summary>
    public const string InvalidParameterCombination = "InvalidParameterCombination";

    /// <summary>The request is missing a required parameter.</summary>
    public const string MissingParameter = "MissingParameter";

    /// <summary>The Region is not valid, such as the source Region of a copy.</summary>
    public const string InvalidRegion = "InvalidRegion";

    /// <summary>The volume does not exist (for the caller, in this Region).</summary>
    public const string InvalidVolumeNotFound = "InvalidVolume.NotFound";

    /// <summary>The volume id is not of the form <c>vol-</c> followed by hexadecimal digits.</summary>
    public const string InvalidVolumeIdMalformed = "InvalidVolumeID.Malformed";

    /// <summary>The volume is not in the <c>available</c> state.</summary>
    public const string VolumeInUse = "VolumeInUse";

    /// <summary>The snapshot does not exist (for the caller, in this Region).</summary>
    public const string InvalidSnapshotNotFound = "InvalidSnapshot.NotFound";

    /// <summary>The snapshot id is not of the form <c>snap-</c> followed by hexadecimal digits.</summary>
    public const string InvalidSnapshotIdMalformed = "InvalidSnapshotID.Malformed";

    /// <summary>The snapshot to delete is in use by one or more images.</summary>
    public const string InvalidSnapshotInUse = "InvalidSnapshot.InUse";

    /// <summary>The resource is not in a state that allows the operation, such as a snapshot still pending.</summary>
    public const string IncorrectState = "IncorrectState";

    /// <summary>ModifyVolume within 6 hours of the volume's last modification.</summary>
    public const string VolumeModificationRateExceeded = "VolumeModificationRateExceeded";

    /// <summary>ModifyVolume while the volume's last modification is still modifying or optimizing.</summary>
    public const string IncorrectModificationState = "IncorrectModificationState";

    /// <summary>DescribeVolumesModifications names a volume that has never been modified.</summary>
    public const string InvalidVolumeModificationNotFound = "InvalidVolumeModification.NotFound";

    /// <summary>The Availability Zone does not exist in the Region.</summary>
    public const string InvalidZoneNotFound = "InvalidZone.NotFound";

    /// <summary>The request is not valid as a whole, such as more than 10 snapshots for Fast Snapshot Restore.</summary>
    public const string InvalidRequest = "InvalidRequest";

    /// <summary>The snapshot is not in a state that allows the operation, such as Fast Snapshot Restore of a pending snapshot (a per-zone error).</summary>
    public const string InvalidSnapshotInvalidState = "InvalidSnapshot.InvalidState";

    /// <summary>An account limit would be exceeded, such as 5 snapshots with Fast Snapshot Restore per Region (a per-zone error).</summary>
    public const string ResourceLimitExceeded = "ResourceLimitExceeded";

    /// <summary>An owner given to a describe call is neither an account id nor an owner alias.</summary>
    public const string InvalidUserIdMalformed = "InvalidUserID.Malformed";

    /// <summary>The id does not name a resource that can be tagged.</summary>
    public const string InvalidId = "InvalidID";

    /// <summary>The resource would carry more than 50 tags.</summary>
    public const string TagLimitExceeded = "TagLimitExceeded";

    /// <summary>The volume already has the maximum number of pending snapshots.</summary>
    public const string ConcurrentSnapshotLimitExceeded = "ConcurrentSnapshotLimitExceeded";

    /// <summary>The machine image does not exist (for the caller, in this Region).</summary>
    public const string InvalidAmiIdNotFound = "InvalidAMIID.NotFound";

    /// <summary>The image id is not of the form <c>ami-</c> followed by hexadecimal digits.</summary>
    public const string InvalidAmiIdMalformed = "InvalidAMIID.Malformed";

    /// <summary>The caller already has an image of that name in the Region.</summary>
    public const string InvalidAmiNameDuplicate = "InvalidAMIName.Duplicate";

    /// <summary>The image name breaks AWS's naming rules.</summary>
    public const string InvalidAmiNameMalformed = "InvalidAMIName.Malformed";

    /// <summary>A block device mapping is not valid.</summary>
    public const string InvalidBlockDeviceMapping = "InvalidBlockDeviceMapping";

    /// <summary>Stored data is missing or corrupt; the message names the chunk or node (an EC2 server error).</summary>
    public const string InternalError = "InternalError";

    /// <summary>An EBS direct API resource, such as a snapshot, does not exist.</summary>
    public const string ResourceNotFoundException = "ResourceNotFoundException";

    /// <summary>An EBS direct API request does not satisfy the API's constraints.</summary>
    public const string ValidationException = "ValidationException";

    /// <summary>An EBS direct API call failed on stored data that is missing or corrupt (a server error).</summary>
    public const string InternalServerException = "InternalServerException";

    /// <summary>An EBS direct API caller may not use the snapshot this way, such as writing to a snapshot it does not own (with <see cref="EbsErrorReasons.UnauthorizedAccount"/>).</summary>
    public const string AccessDeniedException = "AccessDeniedException";

    /// <summary>An EBS direct API StartSnapshot would pass the number of snapshots the caller may write at once in the Region.</summary>
    public const string ConcurrentLimitExceededException = "ConcurrentLimitExceededException";

    /// <summary>A NextToken that no earlier page of the same Describe call gave (EC2's code).</summary>
    public const string InvalidPaginationToken = "InvalidPaginationToken";

    /// <summary>A waiter's maximum wait time passed before its resources reached the awaited state (the library's own, as the AWS SDKs' waiter timeout).</summary>
    public const string WaiterTimeout = "WaiterTimeout";

    /// <summary>A waiter's resource reached a state from which the awaited one cannot follow, such as a failed image (the library's own, as the AWS SDKs' waiter failure).</summary>
    public const string WaiterFailure = "WaiterFailure";

    /// <summary>A Recycle Bin rule is locked or within its unlock delay, or cannot be locked or unlocked as asked (rbin's code, with <see cref="EbsErrorReasons.InvalidRuleState"/>).</summary>
    public const string ConflictException = "ConflictException";

    /// <summary>A Recycle Bin request would pass a quota: rules per Region, rules per tag, tags per rule (rbin's code, with <see cref="EbsErrorReasons.ServiceQuotaExceeded"/>).</summary>
    public const string ServiceQuotaExceededException = "ServiceQuotaExceededException";

    /// <summary>An instance id is not of the form <c>i-</c> and 8 or 17 hex digits.</summary>
    public const string InvalidInstanceIdMalformed = "InvalidInstanceID.Malformed";

    /// <summary>The instance does not exist, or is not the caller's in the Region.</summary>
    public const string InvalidInstanceIdNotFound = "InvalidInstanceID.NotFound";

    /// <summary>The instance is not in a state the operation accepts, such as starting a terminated instance.</summary>
    public const string IncorrectInstanceState = "IncorrectInstanceState";

    /// <summary>The volume and the instance are in different Availability Zones.</summary>
    public const string InvalidVolumeZoneMismatch = "InvalidVolume.ZoneMismatch";

    /// <summary>The volume is not attached to the instance or device the request names.</summary>
    public const string InvalidAttachmentNotFound = "InvalidAttachment.NotFound";

    /// <summary>The image exists but cannot be launched yet, such as one still pending.</summary>
    public const string InvalidAmiIdUnavailable = "InvalidAMIID.Unavailable";

    /// <summary>The operation does not apply to the resource, such as stopping an instance whose root device is instance store.</summary>
    public const string UnsupportedOperation = "UnsupportedOperation";

    /// <summary>The resource's settings forbid the operation, such as deregistering an image under deregistration protection.</summary>
    public const string OperationNotPermitted = "OperationNotPermitted";

    /// <summary>A caller's quiesce hook threw before a capture (the library's own): nothing was captured.</summary>
    public const string QuiesceHookFailed = "QuiesceHookFailed";

    /// <summary>
    /// The HTTP status of each code. EC2: 400 for its client errors, 500 for <c>InternalError</c>
    /// ("Error codes for the Amazon EC2 API"). EBS direct: each exception's <c>httpStatusCode</c>
    /// in the service model (ValidationException 400, ResourceNotFoundException 404,
    /// InternalServerException 500).
    /// </summary>
    internal static readonly FrozenDictionary<string, HttpStatusCode> StatusCodes = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal)
    {
        [InvalidParameterValue] = HttpStatusCode.BadRequest,
        [InvalidParameterCombination] = HttpStatusCode.BadRequest,
        [MissingParameter] = HttpStatusCode.BadRequest,
        [InvalidRegion] = HttpStatusCode.BadRequest,
        [InvalidVolumeNotFound] = HttpStatusCode.BadRequest,
        [InvalidVolumeIdMalformed] = HttpStatusCode.BadRequest,
        [VolumeInUse] = HttpStatusCode.BadRequest,
        [InvalidSnapshotNotFound] = HttpStatusCode.BadRequest,
        [InvalidSnapshotIdMalformed] = HttpStatusCode.BadRequest,
        [InvalidSnapshotInUse] = HttpStatusCode.BadRequest,
        [IncorrectState] = HttpStatusCode.BadRequest,
        [VolumeModificationRateExceeded] = HttpStatusCode.BadRequest,
        [IncorrectModificationState] = HttpStatusCode.BadRequest,
        [InvalidVolumeModificationNotFound] = HttpStatusCode.BadRequest,
        [InvalidZoneNotFound] = HttpStatusCode.BadRequest,
        [InvalidRequest] = HttpStatusCode.BadRequest,
        [InvalidSnapshotInvalidState] = HttpStatusCode.BadRequest,
        [ResourceLimitExceeded] = HttpStatusCode.BadRequest,
        [InvalidUserIdMalformed] = HttpStatusCode.BadRequest,
        [InvalidId] = HttpStatusCode.BadRequest,
        [TagLimitExceeded] = HttpStatusCode.BadRequest,
        [ConcurrentSnapshotLimitExceeded] = HttpStatusCode.BadRequest,
        [InvalidAmiIdNotFound] = HttpStatusCode.BadRequest,
        [InvalidAmiIdMalformed] = HttpStatusCode.BadRequest,
        [InvalidAmiNameDuplicate] = HttpStatusCode.BadRequest,
        [InvalidAmiNameMalformed] = HttpStatusCode.BadRequest,
        [InvalidBlockDeviceMapping] = HttpStatusCode.BadRequest,
        [InternalError] = HttpStatusCode.InternalServerError,
        [ResourceNotFoundException] = HttpStatusCode.NotFound,
        [ValidationException] = HttpStatusCode.BadRequest,
        [InternalServerException] = HttpStatusCode.InternalServerError,
        [AccessDeniedException] = HttpStatusCode.Forbidden,
        [ConcurrentLimitExceededException] = HttpStatusCode.BadRequest,
        [InvalidPaginationToken] = HttpStatusCode.BadRequest,

        // Recycle Bin (rbin's service model: ConflictException 409, ServiceQuotaExceededException 402).
        [ConflictException] = HttpStatusCode.Conflict,
        [ServiceQuotaExceededException] = HttpStatusCode.PaymentRequired,
        [InvalidInstanceIdMalformed] = HttpStatusCode.BadRequest,
        [InvalidInstanceIdNotFound] = HttpStatusCode.BadRequest,
        [IncorrectInstanceState] = HttpStatusCode.BadRequest,
        [InvalidVolumeZoneMismatch] = HttpStatusCode.BadRequest,
        [InvalidAttachmentNotFound] = HttpStatusCode.BadRequest,
        [InvalidAmiIdUnavailable] = HttpStatusCode.BadRequest,
        [UnsupportedOperation] = HttpStatusCode.BadRequest,
        [OperationNotPermitted] = HttpStatusCode.BadRequest,

        // Waiters end on the client side with no AWS response; they count as client errors.
        [WaiterTimeout] = HttpStatusCode.BadRequest,
        [WaiterFailure] = HttpStatusCode.BadRequest,

        // A caller's hook failed on the caller's side, as a client error.
        [QuiesceHookFailed] = HttpStatusCode.BadRequest,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the HTTP status AWS returns with an error code.</summary>
    /// <param name="errorCode">The error code.</param>
    /// <returns>
    /// The code's status; for a code not defined here, such as a storage back-end's own,
    /// <see cref="HttpStatusCode.InternalServerError"/>: the store failed, not the request.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="errorCode"/> is <see langword="null"/>.</exception>
    public static HttpStatusCode StatusCodeOf(string errorCode)
    {
        ArgumentNullException.ThrowIfNull(errorCode);
        return StatusCodes.GetValueOrDefault(errorCode, HttpStatusCode.InternalServerError);
    }
}
