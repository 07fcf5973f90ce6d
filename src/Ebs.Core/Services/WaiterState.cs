namespace Ebs.Core.Services;

/// <summary>What a waiter's acceptors make of one poll, as botocore names the states.</summary>
internal enum WaiterState
{
    /// <summary>Poll again.</summary>
    Retry,

    /// <summary>The awaited state was reached.</summary>
    Success,

    /// <summary>The awaited state cannot be reached.</summary>
    Failure,
}
