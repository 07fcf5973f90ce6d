using Ebs.Core.Domain;

namespace Ebs.Core.Testing;

/// <summary>An instance as the model sees it: the state it heads for and the instant it gets there.</summary>
/// <param name="Heading">The state the instance heads for.</param>
/// <param name="SettlesAt">When it gets there.</param>
public sealed record ModelInstance(InstanceStateName Heading, DateTimeOffset SettlesAt)
{
    /// <summary>The state at an instant: <see cref="Heading"/> once settled, the transitional state before.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The state.</returns>
    public InstanceStateName StateAt(DateTimeOffset now) => now >= SettlesAt ? Heading : Heading switch
    {
        InstanceStateName.Running => InstanceStateName.Pending,
        InstanceStateName.Stopped => InstanceStateName.Stopping,
        _ => InstanceStateName.ShuttingDown,
    };
}
