using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Properties;

/// <summary>An instance as the model sees it: the state it heads for and the instant it gets there.</summary>
public sealed record ModelInstance(InstanceStateName Heading, DateTimeOffset SettlesAt)
{
    public InstanceStateName StateAt(DateTimeOffset now) => now >= SettlesAt ? Heading : Heading switch
    {
        InstanceStateName.Running => InstanceStateName.Pending,
        InstanceStateName.Stopped => InstanceStateName.Stopping,
        _ => InstanceStateName.ShuttingDown,
    };
}
