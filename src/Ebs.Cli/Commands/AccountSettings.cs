using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>The options of a command that acts as one account in one Region.</summary>
internal class AccountSettings : StoreSettings
{
    [CommandOption("--account <ID>")]
    [Description("The caller's 12-digit account id (default: " + DefaultAccount + ").")]
    public string Account { get; init; } = DefaultAccount;

    [CommandOption("--region <REGION>")]
    [Description("The Region (default: " + DefaultRegion + ").")]
    public string Region { get; init; } = DefaultRegion;
}
