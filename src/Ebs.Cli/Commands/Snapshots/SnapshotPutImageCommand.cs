using System.ComponentModel;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ebs.Cli.Transfer;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary>
/// <c>ebs snapshot put-image IMG --parent SNAP</c>: writes an image file into a new snapshot as a
/// backup agent does with the EBS direct APIs: StartSnapshot (parent: SNAP), PutSnapshotBlock for
/// only the blocks that differ from the parent's (or, without a parent, that are not zeros), then
/// CompleteSnapshot with the block count and the LINEAR checksum.
/// </summary>
internal sealed class SnapshotPutImageCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotPutImageCommand.Settings>(console, time)
{
    private const long GiB = 1L << 30;

    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var direct = cloud.Account(settings.Account).EbsDirect(settings.Region);
        var parent = settings.Parent is { } p ? SnapshotId.Parse(p) : (SnapshotId?)null;
        await using var image = new FileStream(settings.Image, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var parentChecksums = parent is { } id ? await ChecksumsAsync(direct, id, cancellationToken) : [];
        var started = await direct.StartSnapshotAsync(new StartSnapshotRequest
        {
            VolumeSize = settings.Size ?? Math.Max(1, (image.Length + GiB - 1) / GiB),
            ParentSnapshotId = parent,
            Description = settings.Description,
        }, cancellationToken);

        var blockSize = cloud.BlockSize;
        var written = new List<(long Index, byte[] Checksum)>();
        await TransferProgress.RunAsync(Console, settings.Json, $"Writing {Path.GetFileName(settings.Image)}", image.Length, async progress =>
        {
            var block = new byte[blockSize];
            for (var index = 0L; ; index++)
            {
                var read = await image.ReadAtLeastAsync(block, blockSize, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    return true;
                }

                Array.Clear(block, read, blockSize - read);
                var checksum = SHA256.HashData(block);
                var unchanged = parentChecksums.TryGetValue(index, out var before)
                    ? before.AsSpan().SequenceEqual(checksum)
                    : !block.AsSpan().ContainsAnyExcept((byte)0);
                if (!unchanged)
                {
                    await direct.PutSnapshotBlockAsync(new PutSnapshotBlockRequest
                    {
                        SnapshotId = started.SnapshotId,
                        BlockIndex = index,
                        BlockData = new MemoryStream(block, writable: false),
                        DataLength = blockSize,
                        Checksum = Convert.ToBase64String(checksum),
                    }, cancellationToken);
                    written.Add((index, checksum));
                }

                progress?.Report((index * blockSize) + read);
            }
        });

        var completed = await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest
        {
            SnapshotId = started.SnapshotId,
            ChangedBlocksCount = written.Count,
            Checksum = Convert.ToBase64String(SHA256.HashData(written.SelectMany(w => w.Checksum).ToArray())),
            ChecksumAlgorithm = ChecksumAlgorithm.Sha256,
            ChecksumAggregationMethod = ChecksumAggregationMethod.Linear,
        }, cancellationToken);
        Print(settings, new JsonObject { ["SnapshotId"] = started.SnapshotId.Value, ["ParentSnapshotId"] = parent?.Value, ["ChangedBlocksCount"] = written.Count, ["Status"] = completed.Status.ToAwsString(), ["BlockSize"] = blockSize }, () => new Text(
            $"{started.SnapshotId}: {written.Count:N0} blocks of {blockSize / 1024} KiB written{(parent is { } origin ? $" on top of {origin}" : string.Empty)}, {completed.Status.ToAwsString()}.\n"));
        return 0;
    }

    /// <summary>The SHA-256 of every written block of the parent, read with ListSnapshotBlocks and GetSnapshotBlock.</summary>
    private static async Task<Dictionary<long, byte[]>> ChecksumsAsync(EbsDirectClient direct, SnapshotId snapshot, CancellationToken cancellationToken)
    {
        var checksums = new Dictionary<long, byte[]>();
        await foreach (var block in direct.Paginators.ListSnapshotBlocks(new ListSnapshotBlocksRequest { SnapshotId = snapshot }).Blocks.WithCancellation(cancellationToken))
        {
            var data = await direct.GetSnapshotBlockAsync(new GetSnapshotBlockRequest { SnapshotId = snapshot, BlockIndex = block.BlockIndex, BlockToken = block.BlockToken }, cancellationToken);
            checksums[block.BlockIndex] = Convert.FromBase64String(data.Checksum);
        }

        return checksums;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<IMAGE>")]
        [Description("The raw disk image file.")]
        public string Image { get; init; } = string.Empty;

        [CommandOption("--parent <SNAPSHOT>")]
        [Description("The snapshot the new one continues: only blocks that differ from it are written.")]
        public string? Parent { get; init; }

        [CommandOption("--size <GIB>")]
        [Description("The volume size in GiB, 1 to 65536, at least the parent's (default: the image's length rounded up to whole GiB).")]
        public int? Size { get; init; }

        [CommandOption("-d|--description <TEXT>")]
        [Description("A description.")]
        public string? Description { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return result.Successful && !File.Exists(Image) ? ValidationResult.Error($"The image '{Image}' is not a file.") : result;
        }
    }
}
