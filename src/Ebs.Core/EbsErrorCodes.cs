namespace Ebs.Core;

/// <summary>The AWS error codes this library raises, spelled exactly as AWS spells them.</summary>
public static class EbsErrorCodes
{
    /// <summary>A parameter is outside its allowed values.</summary>
    public const string InvalidParameterValue = "InvalidParameterValue";

    /// <summary>The combination of parameters is not valid.</summary>
    public const string InvalidParameterCombination = "InvalidParameterCombination";

    /// <summary>The volume does not exist (for the caller, in this Region).</summary>
    public const string InvalidVolumeNotFound = "InvalidVolume.NotFound";

    /// <summary>The volume id is not of the form <c>vol-</c> followed by hexadecimal digits.</summary>
    public const string InvalidVolumeIdMalformed = "InvalidVolumeID.Malformed";

    /// <summary>The volume is in use and cannot be deleted.</summary>
    public const string VolumeInUse = "VolumeInUse";

    /// <summary>The snapshot does not exist (for the caller, in this Region).</summary>
    public const string InvalidSnapshotNotFound = "InvalidSnapshot.NotFound";

    /// <summary>The snapshot id is not of the form <c>snap-</c> followed by hexadecimal digits.</summary>
    public const string InvalidSnapshotIdMalformed = "InvalidSnapshotID.Malformed";

    /// <summary>The snapshot is in use and cannot be deleted.</summary>
    public const string InvalidSnapshotInUse = "InvalidSnapshot.InUse";

    /// <summary>The resource is not in a state that allows the operation.</summary>
    public const string IncorrectState = "IncorrectState";

    /// <summary>The Availability Zone does not exist in the Region.</summary>
    public const string InvalidZoneNotFound = "InvalidZone.NotFound";

    /// <summary>The id does not name a resource type that can be tagged.</summary>
    public const string InvalidId = "InvalidID";

    /// <summary>The resource would carry more than 50 tags.</summary>
    public const string TagLimitExceeded = "TagLimitExceeded";

    /// <summary>The volume already has the maximum number of pending snapshots.</summary>
    public const string ConcurrentSnapshotLimitExceeded = "ConcurrentSnapshotLimitExceeded";

    /// <summary>The caller may not perform the operation.</summary>
    public const string UnauthorizedOperation = "UnauthorizedOperation";

    /// <summary>The machine image does not exist (for the caller, in this Region).</summary>
    public const string InvalidAmiIdNotFound = "InvalidAMIID.NotFound";

    /// <summary>The image id is not of the form <c>ami-</c> followed by hexadecimal digits.</summary>
    public const string InvalidAmiIdMalformed = "InvalidAMIID.Malformed";

    /// <summary>The machine image is not available for the operation.</summary>
    public const string InvalidAmiIdUnavailable = "InvalidAMIID.Unavailable";

    /// <summary>The caller already has an image of that name in the Region.</summary>
    public const string InvalidAmiNameDuplicate = "InvalidAMIName.Duplicate";

    /// <summary>The image name breaks AWS's naming rules.</summary>
    public const string InvalidAmiNameMalformed = "InvalidAMIName.Malformed";

    /// <summary>A block device mapping is not valid.</summary>
    public const string InvalidBlockDeviceMapping = "InvalidBlockDeviceMapping";

    /// <summary>An EBS direct API resource does not exist.</summary>
    public const string ResourceNotFoundException = "ResourceNotFoundException";

    /// <summary>An EBS direct API request is not valid.</summary>
    public const string ValidationException = "ValidationException";

    /// <summary>Stored data is missing or corrupt; the message names the chunk or node.</summary>
    public const string InternalError = "InternalError";
}
