using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Snapshots;

/// <summary>The options of <c>ebs snapshot share</c> and <c>ebs snapshot unshare</c>: the snapshot and whom, one or more accounts or the public.</summary>
internal sealed class SnapshotShareSettings : AccountSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The snapshot.")]
    public string Id { get; init; } = string.Empty;

    [CommandOption("--with <ACCOUNT>")]
    [Description("A 12-digit account id to share with or unshare from; repeatable.")]
    public string[] With { get; init; } = [];

    [CommandOption("--public")]
    [Description("Share with every account (group all), or stop sharing publicly.")]
    public bool Public { get; init; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return result.Successful && With.Length == 0 && !Public ? ValidationResult.Error("Give --with ACCOUNT or --public.") : result;
    }
}
