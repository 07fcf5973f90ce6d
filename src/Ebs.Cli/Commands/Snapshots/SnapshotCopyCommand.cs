using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary>
/// <c>ebs snapshot copy ID --source-region R [--to-account A]</c>: copies a snapshot into <c>--region</c>; with <c>--to-account</c>
/// the copy is made by that account (on a local store every account is local), which must be able to use the snapshot: shared with it, or public.
/// </summary>
internal sealed class SnapshotCopyCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<SnapshotCopyCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var caller = settings.ToAccount is { } account ? cloud.Account(account).Ec2(settings.Region) : ec2;
        var sourceRegion = settings.SourceRegion ?? settings.Region;
        var id = SnapshotId.Parse(settings.Id);
        if (settings.Wait)
        {
            await CompletedSnapshot.GetAsync(cloud.Account(settings.Account).Ec2(sourceRegion), id, wait: true, Time, cancellationToken);
        }

        CopySnapshotResponse copied;
        try
        {
            copied = await caller.CopySnapshotAsync(
                new CopySnapshotRequest { SourceRegion = sourceRegion, SourceSnapshotId = id, Description = settings.Description },
                cancellationToken);
        }
        catch (EbsException e) when (settings.ToAccount is { } recipient && e.ErrorCode == EbsErrorCodes.InvalidSnapshotNotFound)
        {
            // The library cannot tell "not shared" from "absent" (AWS does not either); the command can say what to do.
            throw new EbsException(e.ErrorCode, $"The snapshot '{id}' does not exist in {sourceRegion} or is not shared with account {recipient}: its owner shares it first ('ebs snapshot share {id} --with {recipient}').", e.ResourceId);
        }

        var copy = (await caller.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [copied.SnapshotId] }, cancellationToken)).Snapshots.Single();
        Print(settings, Views.Json(copy), () => Views.Snapshots([copy]));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The snapshot to copy.")]
        public string Id { get; init; } = string.Empty;

        [CommandOption("--wait")]
        [Description("Wait until a pending source snapshot completes instead of failing with IncorrectState.")]
        public bool Wait { get; init; }

        [CommandOption("--source-region <REGION>")]
        [Description("The Region of the source snapshot (default: --region).")]
        public string? SourceRegion { get; init; }

        [CommandOption("-d|--description <TEXT>")]
        [Description("The copy's description.")]
        public string? Description { get; init; }

        [CommandOption("--to-account <ACCOUNT>")]
        [Description("Make the copy as this 12-digit account, which then owns it (in --region, in its own storage and bill). The account must be able to use the snapshot: its owner shared it with the account ('snapshot share ID --with ACCOUNT'), or made it public; otherwise the copy is refused (InvalidSnapshot.NotFound). Default: the copy is --account's.")]
        public string? ToAccount { get; init; }

        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return result.Successful && ToAccount is { } account && (account.Length != 12 || !account.All(char.IsAsciiDigit))
                ? ValidationResult.Error($"--to-account must be a 12-digit account id, not '{account}'.")
                : result;
        }
    }
}
