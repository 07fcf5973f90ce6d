using System.ComponentModel;
using System.Text.Json.Nodes;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary>
/// <c>ebs snapshot get-block SNAP INDEX --out FILE</c>: one block's bytes, read as a backup agent
/// reads them (ListSnapshotBlocks for the token, then GetSnapshotBlock); a block never written is zeros.
/// </summary>
internal sealed class SnapshotGetBlockCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotGetBlockCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var direct = cloud.Account(settings.Account).EbsDirect(settings.Region);
        var snapshot = SnapshotId.Parse(settings.Snapshot);
        var listed = await direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = snapshot, StartingBlockIndex = settings.Index, MaxResults = EbsDirectClient.MinResultsLimit }, cancellationToken);
        var bytes = new byte[cloud.BlockSize];
        string? checksum = null;
        if (listed.Blocks is [var first, ..] && first.BlockIndex == settings.Index)
        {
            var block = await direct.GetSnapshotBlockAsync(new GetSnapshotBlockRequest { SnapshotId = snapshot, BlockIndex = settings.Index, BlockToken = first.BlockToken }, cancellationToken);
            await block.BlockData.ReadExactlyAsync(bytes, cancellationToken);
            checksum = block.Checksum;
        }

        await File.WriteAllBytesAsync(settings.Out, bytes, cancellationToken);
        Print(settings, new JsonObject { ["BlockIndex"] = settings.Index, ["DataLength"] = bytes.Length, ["Checksum"] = checksum, ["Written"] = checksum is not null }, () => new Text(checksum is null
            ? $"Block {settings.Index} was never written: {bytes.Length:N0} zero bytes to {settings.Out}.\n"
            : $"Block {settings.Index}: {bytes.Length:N0} bytes (SHA-256 {checksum}) to {settings.Out}.\n"));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<SNAPSHOT>")]
        [Description("The snapshot.")]
        public string Snapshot { get; init; } = string.Empty;

        [CommandArgument(1, "<INDEX>")]
        [Description("The block index: its byte offset divided by the block size.")]
        public long Index { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The file to write the block's bytes to (required).")]
        public string Out { get; init; } = string.Empty;

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return !result.Successful ? result
                : string.IsNullOrEmpty(Out) ? ValidationResult.Error("--out FILE is required.")
                : Index < 0 ? ValidationResult.Error("INDEX must not be negative.")
                : result;
        }
    }
}
