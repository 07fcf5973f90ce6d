using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Dlm;

/// <summary><c>ebs dlm list</c>.</summary>
internal sealed class DlmListCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<AccountSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, AccountSettings settings, CancellationToken cancellationToken)
    {
        var policies = (await cloud.Account(settings.Account).Dlm(settings.Region).GetLifecyclePoliciesAsync(new(), cancellationToken)).Policies;
        Print(settings, DlmViews.Json(policies), () => DlmViews.Policies(policies));
        return 0;
    }
}
