using System.Text.Json.Nodes;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Dlm;

/// <summary><c>ebs dlm delete ID</c>: the policy's runs stop; what it created stays.</summary>
internal sealed class DlmDeleteCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<PolicySettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, PolicySettings settings, CancellationToken cancellationToken)
    {
        await cloud.Account(settings.Account).Dlm(settings.Region).DeleteLifecyclePolicyAsync(new() { PolicyId = settings.Id }, cancellationToken);
        Print(settings, new JsonObject(), () => new Text($"Deleted {settings.Id}; its snapshots stay.\n"));
        return 0;
    }
}
