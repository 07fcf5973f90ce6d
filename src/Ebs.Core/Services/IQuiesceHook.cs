namespace Ebs.Core.Services;

/// <summary>
/// A caller's quiesce hook (the analogue of fsfreeze, or VSS run through Systems Manager): it
/// brings the applications writing to an instance's or a volume's disks to a consistent point
/// before a point-in-time capture, and lets them go on after it. Register it with
/// <see cref="QuiesceHooks.Register(string, IQuiesceHook)"/>.
/// </summary>
public interface IQuiesceHook
{
    /// <summary>
    /// Runs before the capture. Throwing fails the capturing call with
    /// <c>QuiesceHookFailed</c>; nothing is captured and <see cref="AfterCaptureAsync"/> does not run.
    /// </summary>
    /// <param name="resourceId">The instance or volume the hook was registered for.</param>
    /// <param name="cancellationToken">The capturing call's token.</param>
    /// <returns>A task that completes once the applications are quiesced.</returns>
    ValueTask BeforeCaptureAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>Runs after the capture, whether it succeeded or failed.</summary>
    /// <param name="resourceId">The instance or volume the hook was registered for.</param>
    /// <param name="cancellationToken">The capturing call's token.</param>
    /// <returns>A task that completes once the applications are released.</returns>
    ValueTask AfterCaptureAsync(string resourceId, CancellationToken cancellationToken);
}
