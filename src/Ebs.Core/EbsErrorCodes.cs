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

    /// <summary>A client token was used before with different parameters.</summary>
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";

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

    /// <summary>
    /// The caller may not do this: an EBS direct API caller writing to a snapshot it does not own (with
    /// <see cref="EbsErrorReasons.UnauthorizedAccount"/>), or a backup vault's access policy denying the call (IAM's code,
    /// which AWS Backup answers with outside its service model).
    /// </summary>
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

    /// <summary>The image exists but cannot be launched, such as one still pending, disabled, or deregistered into the Recycle Bin.</summary>
    public const string InvalidAmiIdUnavailable = "InvalidAMIID.Unavailable";

    /// <summary>The operation does not apply to the resource, such as stopping an instance whose root device is instance store.</summary>
    public const string UnsupportedOperation = "UnsupportedOperation";

    /// <summary>The resource's settings forbid the operation, such as deregistering an image under deregistration protection.</summary>
    public const string OperationNotPermitted = "OperationNotPermitted";

    /// <summary>The KMS key, grant or alias does not exist for the caller in the Region (KMS's code).</summary>
    public const string NotFoundException = "NotFoundException";

    /// <summary>The KMS key is disabled (KMS's code).</summary>
    public const string DisabledException = "DisabledException";

    /// <summary>The KMS key's state does not allow the call, such as disabling a key pending deletion (KMS's code).</summary>
    public const string KmsInvalidStateException = "KMSInvalidStateException";

    /// <summary>A KMS <c>Marker</c> that no earlier page of the same list call gave (KMS's code).</summary>
    public const string InvalidMarkerException = "InvalidMarkerException";

    /// <summary>A grant id that is not one of the key's grants (KMS's code).</summary>
    public const string InvalidGrantIdException = "InvalidGrantIdException";

    /// <summary>The KMS operation does not apply to the key, such as disabling or deleting an AWS managed key (KMS's code).</summary>
    public const string UnsupportedOperationException = "UnsupportedOperationException";

    /// <summary>A parameter needs another that the request lacks, such as <c>KmsKeyId</c> without <c>Encrypted</c> (EC2's code).</summary>
    public const string InvalidParameterDependency = "InvalidParameterDependency";

    /// <summary>The KMS key of an encrypted volume or snapshot is disabled, pending deletion or deleted, so its data cannot be used (EC2's code, as AWS's <c>Client.InvalidKMSKey.InvalidState</c> state reason).</summary>
    public const string InvalidKmsKeyInvalidState = "InvalidKMSKey.InvalidState";

    /// <summary>A caller's quiesce hook threw before a capture (the library's own): nothing was captured.</summary>
    public const string QuiesceHookFailed = "QuiesceHookFailed";

    /// <summary>The caller may use the resource but only its owner may do this, such as deleting or sharing a snapshot shared with the caller.</summary>
    public const string UnauthorizedOperation = "UnauthorizedOperation";

    /// <summary>The caller is not authorized for the image: it belongs to another account and is not shared with the caller, or only its owner may do this.</summary>
    public const string AuthFailure = "AuthFailure";
    /// <summary>
    /// A request is not valid, or cannot be carried out in the resource's state: a bad, missing or conflicting Data
    /// Lifecycle Manager parameter; deleting a backup vault that holds recovery points, removing an immutable Vault Lock
    /// (the code of both services).
    /// </summary>
    public const string InvalidRequestException = "InvalidRequestException";

    /// <summary>An AWS Backup parameter has a value that is not valid, such as a lifecycle or a vault name (AWS Backup's code).</summary>
    public const string InvalidParameterValueException = "InvalidParameterValueException";

    /// <summary>An AWS Backup request lacks a required parameter (AWS Backup's code).</summary>
    public const string MissingParameterValueException = "MissingParameterValueException";

    /// <summary>An AWS Backup resource, such as a vault of that name, already exists (AWS Backup's code).</summary>
    public const string AlreadyExistsException = "AlreadyExistsException";

    /// <summary>
    /// A request would pass a quota: 100 lifecycle policies in a Region (Data Lifecycle Manager, HTTP 429, the
    /// code's status here), vaults per Region or rules per plan (AWS Backup, whose errors carry 400 in
    /// <see cref="EbsException.StatusCode"/>).
    /// </summary>
    public const string LimitExceededException = "LimitExceededException";

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
        [IdempotentParameterMismatch] = HttpStatusCode.BadRequest,
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

        // Data Lifecycle Manager (dlm's service model: InvalidRequestException 400, LimitExceededException 429;
        // ResourceNotFoundException 404 and InternalServerException 500 as above).
        [InvalidRequestException] = HttpStatusCode.BadRequest,
        [LimitExceededException] = HttpStatusCode.TooManyRequests,
        [InvalidInstanceIdMalformed] = HttpStatusCode.BadRequest,
        [InvalidInstanceIdNotFound] = HttpStatusCode.BadRequest,
        [IncorrectInstanceState] = HttpStatusCode.BadRequest,
        [InvalidVolumeZoneMismatch] = HttpStatusCode.BadRequest,
        [InvalidAttachmentNotFound] = HttpStatusCode.BadRequest,
        [InvalidAmiIdUnavailable] = HttpStatusCode.BadRequest,
        [UnsupportedOperation] = HttpStatusCode.BadRequest,
        [OperationNotPermitted] = HttpStatusCode.BadRequest,

        // Sharing: UnauthorizedOperation is answered with 403, AuthFailure with 400 (as SDK error reports show).
        [UnauthorizedOperation] = HttpStatusCode.Forbidden,
        [AuthFailure] = HttpStatusCode.BadRequest,
        // KMS (botocore kms/2014-11-01: NotFoundException 404, DisabledException and KMSInvalidStateException 409, the others 400).
        [NotFoundException] = HttpStatusCode.NotFound,
        [DisabledException] = HttpStatusCode.Conflict,
        [KmsInvalidStateException] = HttpStatusCode.Conflict,
        [InvalidMarkerException] = HttpStatusCode.BadRequest,
        [InvalidGrantIdException] = HttpStatusCode.BadRequest,
        [UnsupportedOperationException] = HttpStatusCode.BadRequest,
        [InvalidParameterDependency] = HttpStatusCode.BadRequest,
        [InvalidKmsKeyInvalidState] = HttpStatusCode.BadRequest,

        // Waiters end on the client side with no AWS response; they count as client errors.
        [WaiterTimeout] = HttpStatusCode.BadRequest,
        [WaiterFailure] = HttpStatusCode.BadRequest,

        // A caller's hook failed on the caller's side, as a client error.
        [QuiesceHookFailed] = HttpStatusCode.BadRequest,

        // AWS Backup (its API reference: every client error 400; the errors it raises carry 400 whatever the code's status here).
        [InvalidParameterValueException] = HttpStatusCode.BadRequest,
        [MissingParameterValueException] = HttpStatusCode.BadRequest,
        [AlreadyExistsException] = HttpStatusCode.BadRequest,
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
