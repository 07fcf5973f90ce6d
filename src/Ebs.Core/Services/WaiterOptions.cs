namespace Ebs.Core.Services;

/// <summary>How a waiter of <see cref="Ec2Waiters"/> waits.</summary>
public sealed class WaiterOptions
{
    /// <summary>Gets the time between two polls when nothing is scheduled to change sooner.</summary>
    /// <value>The default is the waiter's delay in the AWS SDKs (botocore's <c>waiters-2.json</c>): 15 seconds.</value>
    public TimeSpan? Delay { get; init; }

    /// <summary>Gets the longest time to wait before failing with <c>WaiterTimeout</c>.</summary>
    /// <value>The default is the AWS SDKs' delay times maximum attempts: 15 seconds × 40 = 10 minutes.</value>
    public TimeSpan? MaxWaitTime { get; init; }

    /// <summary>
    /// Gets a callback told, before each wait, the instant the waiter waits until: with a fake
    /// clock, <c>OnWaiting = time.SetUtcNow</c> moves the clock there, so the wait ends at once.
    /// </summary>
    public Action<DateTimeOffset>? OnWaiting { get; init; }
}
