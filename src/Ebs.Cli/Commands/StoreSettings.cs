using System.ComponentModel;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>The options every store command takes.</summary>
internal class StoreSettings : CommandSettings
{
    /// <summary>The account the default <c>--account</c> names.</summary>
    public const string DefaultAccount = "111111111111";

    /// <summary>The Region the default <c>--region</c> names.</summary>
    public const string DefaultRegion = "us-east-1";

    [CommandOption("--store <PATH>")]
    [Description("The store directory (default: $EBS_STORE, else ./.ebs).")]
    public string? Store { get; init; }

    [CommandOption("--account <ID>")]
    [Description("The caller's 12-digit account id.")]
    [DefaultValue(DefaultAccount)]
    public string Account { get; init; } = DefaultAccount;

    [CommandOption("--region <REGION>")]
    [Description("The Region.")]
    [DefaultValue(DefaultRegion)]
    public string Region { get; init; } = DefaultRegion;

    [CommandOption("--json")]
    [Description("Print JSON for scripts instead of tables.")]
    public bool Json { get; init; }

    /// <summary>Gets the store directory to open.</summary>
    public string StorePath => Store ?? Environment.GetEnvironmentVariable("EBS_STORE") ?? ".ebs";
}
