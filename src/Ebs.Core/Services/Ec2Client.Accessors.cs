namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>Gets the paginators of the Describe calls, as the AWS SDK's <c>ec2.Paginators</c>.</summary>
    public Ec2Paginators Paginators => new(this);

    /// <summary>Gets the waiters, as the AWS SDK's <c>ec2.Waiters</c>; they wait on the cloud's <see cref="TimeProvider"/>.</summary>
    public Ec2Waiters Waiters => new(this);

    internal TimeProvider Time => _engine.Time;

    /// <summary>The next instant at which a state of the caller's resources in this Region changes by itself, if any.</summary>
    internal DateTimeOffset? NextScheduledChange()
    {
        var now = _engine.Time.GetUtcNow();
        var world = _engine.World;
        var completions = world.Snapshots.Values.Where(s => s.OwnerId == AccountId && s.Region == Region).Select(s => s.CompletesAt);
        var availabilities = world.Images.Values.Where(i => i.View.OwnerId == AccountId && i.View.Region == Region).Select(i => i.AvailableAt);
        var settlings = world.Instances.Values.Where(i => i.OwnerId == AccountId && i.Region == Region).Select(i => i.SettlesAt);
        return completions.Concat(availabilities).Concat(settlings).Append(CloudEngine.NextDue(world) ?? DateTimeOffset.MinValue).Where(t => t > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
    }
}
