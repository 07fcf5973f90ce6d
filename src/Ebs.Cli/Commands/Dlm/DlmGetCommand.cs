using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Dlm;

/// <summary><c>ebs dlm get ID</c>.</summary>
internal sealed class DlmGetCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<PolicySettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, PolicySettings settings, CancellationToken cancellationToken)
    {
        var policy = (await cloud.Account(settings.Account).Dlm(settings.Region).GetLifecyclePolicyAsync(new() { PolicyId = settings.Id }, cancellationToken)).Policy;
        Print(settings, DlmViews.Json(policy), () => DlmViews.Policy(policy));
        return 0;
    }
}
