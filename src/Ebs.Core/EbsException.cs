using System.Net;

namespace Ebs.Core;

/// <summary>
/// The error of a refused or failed call, carrying AWS's error code. A call that throws it
/// changed nothing: no chunk, no reference count, no state.
/// </summary>
public sealed class EbsException : Exception
{
    /// <summary>Creates an error with an AWS error code.</summary>
    /// <param name="errorCode">The AWS error code, one of <see cref="EbsErrorCodes"/>.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="resourceId">The id of the resource concerned, if any.</param>
    public EbsException(string errorCode, string message, string? resourceId = null)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(errorCode);
        ErrorCode = errorCode;
        ResourceId = resourceId;
        StatusCode = EbsErrorCodes.StatusCodeOf(errorCode);
    }

    /// <summary>Gets the AWS error code, such as <c>InvalidSnapshot.NotFound</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>Gets the id of the resource concerned, or <see langword="null"/>.</summary>
    public string? ResourceId { get; }

    /// <summary>
    /// Gets the HTTP status AWS answers this error with: by default the code's (see
    /// <see cref="EbsErrorCodes.StatusCodeOf"/>), set where the service that raised it answers the
    /// same code name otherwise (AWS Backup answers every error with 400).
    /// </summary>
    public HttpStatusCode StatusCode { get; init; }

    /// <summary>Gets the reason an EBS direct API gives with the error, one of <see cref="EbsErrorReasons"/>, or <see langword="null"/>.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorCode}: {Message}";
}
