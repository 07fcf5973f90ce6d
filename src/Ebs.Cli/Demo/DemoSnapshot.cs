using Ebs.Core.Domain;

namespace Ebs.Cli.Demo;

/// <summary>A snapshot the demo took, with its short name and the image the demo expects it to hold.</summary>
/// <param name="Name">The short name used in the walk-through, such as <c>A</c>.</param>
/// <param name="Id">The snapshot id.</param>
/// <param name="Image">What the volume held when the snapshot started.</param>
internal sealed record DemoSnapshot(string Name, SnapshotId Id, DiskImage Image);
