namespace Ebs.Core.Domain;

/// <summary>One EBS volume of a machine image: the device it attaches as and the snapshot it is created from.</summary>
/// <param name="DeviceName">The device name, such as <c>/dev/xvda</c>.</param>
/// <param name="SnapshotId">The snapshot the volume is created from.</param>
/// <param name="VolumeSizeGiB">The volume size in GiB; at least the snapshot's volume size. <see langword="null"/> for the snapshot's.</param>
/// <param name="DeleteOnTermination">Whether the volume is deleted when its instance terminates.</param>
public sealed record BlockDeviceMapping(string DeviceName, SnapshotId SnapshotId, int? VolumeSizeGiB = null, bool DeleteOnTermination = true);
