using System.Collections.Concurrent;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The quiesce hooks of a cloud, by instance or volume id (see <see cref="EbsCloud.QuiesceHooks"/>).
/// CreateImage without NoReboot runs an instance's hook, CreateSnapshots an instance's hook, and
/// CreateSnapshot a volume's hook, around the capture; the snapshots are then
/// <see cref="SnapshotConsistency.ApplicationConsistent"/>. Hooks live in memory only: they are
/// not stored with the cloud's state and must be registered again after it is reopened.
/// </summary>
public sealed class QuiesceHooks
{
    private readonly ConcurrentDictionary<string, IQuiesceHook> _hooks = new(StringComparer.Ordinal);

    internal QuiesceHooks()
    {
    }

    /// <summary>Registers the hook of an instance, replacing any it had.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="hook">The hook.</param>
    public void Register(InstanceId instanceId, IQuiesceHook hook) => Register(instanceId.Value, hook);

    /// <summary>Registers the hook of a volume, replacing any it had.</summary>
    /// <param name="volumeId">The volume.</param>
    /// <param name="hook">The hook.</param>
    public void Register(VolumeId volumeId, IQuiesceHook hook) => Register(volumeId.Value, hook);

    /// <summary>Registers the hook of an instance or volume, by its id, replacing any it had.</summary>
    /// <param name="resourceId">The instance or volume id.</param>
    /// <param name="hook">The hook.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resourceId"/> or <paramref name="hook"/> is <see langword="null"/>.</exception>
    public void Register(string resourceId, IQuiesceHook hook)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        ArgumentNullException.ThrowIfNull(hook);
        _hooks[resourceId] = hook;
    }

    /// <summary>Removes the hook of an instance or volume.</summary>
    /// <param name="resourceId">The instance or volume id.</param>
    /// <returns>Whether it had one.</returns>
    public bool Unregister(string resourceId) => _hooks.TryRemove(resourceId, out _);

    /// <summary>The hook of <paramref name="resourceId"/>, if any (none for a missing id, which the call refuses later).</summary>
    internal IQuiesceHook? Find(string? resourceId) => resourceId is null ? null : _hooks.GetValueOrDefault(resourceId);

    /// <summary>
    /// Runs <paramref name="capture"/> between <paramref name="hook"/>'s callbacks (or alone
    /// without one): a failing pre callback fails the call with <c>QuiesceHookFailed</c> before
    /// anything is captured; the post callback runs even when the capture fails.
    /// </summary>
    internal static async ValueTask<T> AroundAsync<T>(IQuiesceHook? hook, string resourceId, Func<ValueTask<T>> capture, CancellationToken cancellationToken)
    {
        if (hook is null)
        {
            return await capture().ConfigureAwait(false);
        }

        try
        {
            await hook.BeforeCaptureAsync(resourceId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new EbsException(EbsErrorCodes.QuiesceHookFailed, $"The quiesce hook of '{resourceId}' failed before the capture: {e.Message}", resourceId);
        }

        try
        {
            return await capture().ConfigureAwait(false);
        }
        finally
        {
            await hook.AfterCaptureAsync(resourceId, cancellationToken).ConfigureAwait(false);
        }
    }
}
