using System.Text.Json.Nodes;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Dlm;

/// <summary><c>ebs dlm enable ID</c> and <c>ebs dlm disable ID</c>: UpdateLifecyclePolicy's State.</summary>
internal abstract class DlmStateCommand(IAnsiConsole console, TimeProvider time, SettablePolicyStateValues state) : StoreCommand<PolicySettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, PolicySettings settings, CancellationToken cancellationToken)
    {
        await cloud.Account(settings.Account).Dlm(settings.Region).UpdateLifecyclePolicyAsync(new() { PolicyId = settings.Id, State = state }, cancellationToken);
        Print(settings, new JsonObject(), () => new Text($"{settings.Id} is {state.ToAwsString()}.\n"));
        return 0;
    }
}

/// <summary><c>ebs dlm enable ID</c>.</summary>
internal sealed class DlmEnableCommand(IAnsiConsole console, TimeProvider time) : DlmStateCommand(console, time, SettablePolicyStateValues.Enabled);

/// <summary><c>ebs dlm disable ID</c>.</summary>
internal sealed class DlmDisableCommand(IAnsiConsole console, TimeProvider time) : DlmStateCommand(console, time, SettablePolicyStateValues.Disabled);
