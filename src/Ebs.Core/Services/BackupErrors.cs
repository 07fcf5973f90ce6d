using System.Net;

namespace Ebs.Core.Services;

/// <summary>
/// The errors AWS Backup answers with. Its service model gives none of its exceptions an HTTP
/// status of its own, so each is a 400, even where another service answers the same code name
/// otherwise (<c>ResourceNotFoundException</c> 404 in the EBS direct APIs, Recycle Bin and Data
/// Lifecycle Manager; <c>LimitExceededException</c> 429 in Data Lifecycle Manager;
/// <c>AccessDeniedException</c> 403 in the EBS direct APIs).
/// </summary>
internal static class BackupErrors
{
    /// <summary>Creates an AWS Backup error with status 400.</summary>
    public static EbsException Of(string errorCode, string message, string? resourceId = null)
        => new(errorCode, message, resourceId) { StatusCode = HttpStatusCode.BadRequest };
}
