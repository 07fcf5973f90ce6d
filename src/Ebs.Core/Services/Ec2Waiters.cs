using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The waiters of <see cref="Ec2Client"/>, as the AWS SDKs have them (botocore's
/// <c>waiters-2.json</c>: delay 15 s, 40 attempts, the same acceptors). They run on the cloud's
/// <see cref="TimeProvider"/>, and wait until the next instant anything is scheduled to change
/// (a pending snapshot's completion, an image's availability) instead of polling blindly.
/// </summary>
public sealed class Ec2Waiters
{
    private static readonly TimeSpan AwsDelay = TimeSpan.FromSeconds(15);
    private const int AwsMaxAttempts = 40;

    private static readonly WaiterDefinition<DescribeSnapshotsResponse> SnapshotCompleted = new(
        nameof(SnapshotCompleted), AwsDelay, AwsMaxAttempts,
        r => Outcome(r.Snapshots, s => s.State == SnapshotState.Completed, s => s.State == SnapshotState.Error));

    private static readonly WaiterDefinition<DescribeVolumesResponse> VolumeAvailable = new(
        nameof(VolumeAvailable), AwsDelay, AwsMaxAttempts,
        r => Outcome(r.Volumes, v => v.State == VolumeState.Available, v => v.State == VolumeState.Deleted));

    private static readonly WaiterDefinition<DescribeVolumesResponse> VolumeDeleted = new(
        nameof(VolumeDeleted), AwsDelay, AwsMaxAttempts,
        r => Outcome(r.Volumes, v => v.State == VolumeState.Deleted, _ => false),
        EbsErrorCodes.InvalidVolumeNotFound,
        new DescribeVolumesResponse { Volumes = ValueList<Volume>.Empty });

    private static readonly WaiterDefinition<DescribeImagesResponse> ImageAvailable = new(
        nameof(ImageAvailable), AwsDelay, AwsMaxAttempts,
        r => Outcome(r.Images, i => i.State == ImageState.Available, i => i.State == ImageState.Failed));

    private static readonly WaiterDefinition<DescribeVolumesResponse> VolumeInUse = new(
        nameof(VolumeInUse), AwsDelay, AwsMaxAttempts,
        r => Outcome(r.Volumes, v => v.State == VolumeState.InUse, v => v.State == VolumeState.Deleted));

    private static readonly WaiterDefinition<DescribeInstancesResponse> InstanceRunning = new(
        nameof(InstanceRunning), AwsDelay, AwsMaxAttempts,
        r => InstanceOutcome(r, InstanceStateName.Running, InstanceStateName.ShuttingDown, InstanceStateName.Terminated, InstanceStateName.Stopping));

    private static readonly WaiterDefinition<DescribeInstancesResponse> InstanceStopped = new(
        nameof(InstanceStopped), AwsDelay, AwsMaxAttempts,
        r => InstanceOutcome(r, InstanceStateName.Stopped, InstanceStateName.Pending, InstanceStateName.Terminated));

    private static readonly WaiterDefinition<DescribeInstancesResponse> InstanceTerminated = new(
        nameof(InstanceTerminated), AwsDelay, AwsMaxAttempts,
        r => InstanceOutcome(r, InstanceStateName.Terminated, InstanceStateName.Pending, InstanceStateName.Stopping));

    private readonly Ec2Client _ec2;

    internal Ec2Waiters(Ec2Client ec2) => _ec2 = ec2;

    /// <summary>Waits until every snapshot the request describes is completed.</summary>
    /// <param name="request">The snapshots, as DescribeSnapshots takes them.</param>
    /// <param name="options">The delay, the maximum wait and the waiting callback; <see langword="null"/> for AWS's.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>The last DescribeSnapshots response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>WaiterFailure</c> when a snapshot is in <c>error</c>; <c>WaiterTimeout</c> when the maximum wait passes;
    /// DescribeSnapshots' own errors, such as <c>InvalidSnapshot.NotFound</c>.
    /// </exception>
    public ValueTask<DescribeSnapshotsResponse> WaitUntilSnapshotCompletedAsync(DescribeSnapshotsRequest request, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SnapshotCompleted.WaitAsync(ct => _ec2.DescribeSnapshotsAsync(request, ct), _ec2.NextScheduledChange, _ec2.Time, options, cancellationToken);
    }

    /// <summary>Waits until every volume the request describes is available.</summary>
    /// <param name="request">The volumes, as DescribeVolumes takes them.</param>
    /// <param name="options">The delay, the maximum wait and the waiting callback; <see langword="null"/> for AWS's.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>The last DescribeVolumes response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>WaiterFailure</c> when a volume is deleted; <c>WaiterTimeout</c> when the maximum wait passes;
    /// DescribeVolumes' own errors, such as <c>InvalidVolume.NotFound</c>.
    /// </exception>
    public ValueTask<DescribeVolumesResponse> WaitUntilVolumeAvailableAsync(DescribeVolumesRequest request, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return VolumeAvailable.WaitAsync(ct => _ec2.DescribeVolumesAsync(request, ct), _ec2.NextScheduledChange, _ec2.Time, options, cancellationToken);
    }

    /// <summary>Waits until every volume the request describes is deleted: gone (<c>InvalidVolume.NotFound</c>) counts, as in AWS.</summary>
    /// <param name="request">The volumes, as DescribeVolumes takes them.</param>
    /// <param name="options">The delay, the maximum wait and the waiting callback; <see langword="null"/> for AWS's.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>The last DescribeVolumes response; empty when the volumes were gone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>WaiterTimeout</c> when the maximum wait passes; DescribeVolumes' own errors other than <c>InvalidVolume.NotFound</c>.</exception>
    public ValueTask<DescribeVolumesResponse> WaitUntilVolumeDeletedAsync(DescribeVolumesRequest request, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return VolumeDeleted.WaitAsync(ct => _ec2.DescribeVolumesAsync(request, ct), _ec2.NextScheduledChange, _ec2.Time, options, cancellationToken);
    }

    /// <summary>Waits until every image the request describes is available.</summary>
    /// <param name="request">The images, as DescribeImages takes them.</param>
    /// <param name="options">The delay, the maximum wait and the waiting callback; <see langword="null"/> for AWS's.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>The last DescribeImages response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>WaiterFailure</c> when an image failed; <c>WaiterTimeout</c> when the maximum wait passes;
    /// DescribeImages' own errors, such as <c>InvalidAMIID.NotFound</c>.
    /// </exception>
    public ValueTask<DescribeImagesResponse> WaitUntilImageAvailableAsync(DescribeImagesRequest request, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ImageAvailable.WaitAsync(ct => _ec2.DescribeImagesAsync(request, ct), _ec2.NextScheduledChange, _ec2.Time, options, cancellationToken);
    }

    /// <summary>Waits until every volume the request describes is in use.</summary>
    /// <param name="request">The volumes, as DescribeVolumes takes them.</param>
    /// <param name="options">The delay, the maximum wait and the waiting callback; <see langword="null"/> for AWS's.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>The last DescribeVolumes response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>WaiterFailure</c> when a volume is deleted; <c>WaiterTimeout</c> when the maximum wait passes;
    /// DescribeVolumes' own errors, such as <c>InvalidVolume.NotFound</c>.
    /// </exception>
    public ValueTask<DescribeVolumesResponse> WaitUntilVolumeInUseAsync(DescribeVolumesRequest request, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return VolumeInUse.WaitAsync(ct => _ec2.DescribeVolumesAsync(request, ct), _ec2.NextScheduledChange, _ec2.Time, options, cancellationToken);
    }

    /// <summary>Waits until every instance the request describes is running.</summary>
    /// <param name="request">The instances, as DescribeInstances takes them.</param>
    /// <param name="options">The delay, the maximum wait and the waiting callback; <see langword="null"/> for AWS's.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>The last DescribeInstances response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>WaiterFailure</c> when an instance is shutting down, terminated or stopping; <c>WaiterTimeout</c> when the maximum wait passes;
    /// DescribeInstances' own errors, such as <c>InvalidInstanceID.NotFound</c>.
    /// </exception>
    public ValueTask<DescribeInstancesResponse> WaitUntilInstanceRunningAsync(DescribeInstancesRequest request, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InstanceRunning.WaitAsync(ct => _ec2.DescribeInstancesAsync(request, ct), _ec2.NextScheduledChange, _ec2.Time, options, cancellationToken);
    }

    /// <summary>Waits until every instance the request describes is stopped.</summary>
    /// <param name="request">The instances, as DescribeInstances takes them.</param>
    /// <param name="options">The delay, the maximum wait and the waiting callback; <see langword="null"/> for AWS's.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>The last DescribeInstances response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>WaiterFailure</c> when an instance is pending or terminated; <c>WaiterTimeout</c> when the maximum wait passes;
    /// DescribeInstances' own errors, such as <c>InvalidInstanceID.NotFound</c>.
    /// </exception>
    public ValueTask<DescribeInstancesResponse> WaitUntilInstanceStoppedAsync(DescribeInstancesRequest request, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InstanceStopped.WaitAsync(ct => _ec2.DescribeInstancesAsync(request, ct), _ec2.NextScheduledChange, _ec2.Time, options, cancellationToken);
    }

    /// <summary>Waits until every instance the request describes is terminated.</summary>
    /// <param name="request">The instances, as DescribeInstances takes them.</param>
    /// <param name="options">The delay, the maximum wait and the waiting callback; <see langword="null"/> for AWS's.</param>
    /// <param name="cancellationToken">A token to cancel the wait.</param>
    /// <returns>The last DescribeInstances response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>WaiterFailure</c> when an instance is pending or stopping; <c>WaiterTimeout</c> when the maximum wait passes;
    /// DescribeInstances' own errors, such as <c>InvalidInstanceID.NotFound</c>.
    /// </exception>
    public ValueTask<DescribeInstancesResponse> WaitUntilInstanceTerminatedAsync(DescribeInstancesRequest request, WaiterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InstanceTerminated.WaitAsync(ct => _ec2.DescribeInstancesAsync(request, ct), _ec2.NextScheduledChange, _ec2.Time, options, cancellationToken);
    }

    /// <summary>botocore's <c>pathAll</c> success (false on an empty list) and <c>pathAny</c> failure.</summary>
    private static WaiterState Outcome<T>(IReadOnlyList<T> items, Func<T, bool> success, Func<T, bool> failure)
        => items.Any(failure) ? WaiterState.Failure
            : items.Count > 0 && items.All(success) ? WaiterState.Success
            : WaiterState.Retry;

    /// <summary>botocore's instance waiters: every instance of every reservation in <paramref name="success"/>, none in <paramref name="failures"/>.</summary>
    private static WaiterState InstanceOutcome(DescribeInstancesResponse response, InstanceStateName success, params InstanceStateName[] failures)
        => Outcome([.. response.Reservations.SelectMany(r => r.Instances)], i => i.State.Name == success, i => failures.Contains(i.State.Name));
}
