namespace Ebs.Core.Domain;

/// <summary>An error of one snapshot in one zone (AWS's <c>EnableFastSnapshotRestoreStateError</c>).</summary>
/// <param name="Code">AWS's error code, a constant of <see cref="EbsErrorCodes"/>.</param>
/// <param name="Message">The message.</param>
public sealed record FastSnapshotRestoreStateError(string Code, string Message);
