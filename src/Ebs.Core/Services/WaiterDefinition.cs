namespace Ebs.Core.Services;

/// <summary>
/// One waiter as botocore's <c>waiters-2.json</c> defines it: its delay and attempts, and its
/// acceptors reduced to what a response (or a matched error) means.
/// </summary>
/// <typeparam name="TResponse">The response of the Describe call it polls.</typeparam>
internal sealed record WaiterDefinition<TResponse>(
    string Name,
    TimeSpan Delay,
    int MaxAttempts,
    Func<TResponse, WaiterState> Evaluate,
    string? SuccessErrorCode = null,
    TResponse? OnSuccessError = default)
{
    /// <summary>Polls until an acceptor says success or failure, or the maximum wait passes.</summary>
    /// <exception cref="EbsException"><c>WaiterFailure</c>, <c>WaiterTimeout</c>, or the Describe call's own error.</exception>
    public async ValueTask<TResponse> WaitAsync(Func<CancellationToken, ValueTask<TResponse>> describe, Func<DateTimeOffset?> nextChange, TimeProvider time, WaiterOptions? options, CancellationToken cancellationToken)
    {
        var delay = options?.Delay ?? Delay;
        var maxWait = options?.MaxWaitTime ?? Delay * MaxAttempts;
        var deadline = time.GetUtcNow() + maxWait;
        if (delay <= TimeSpan.Zero)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The delay of waiter {Name} must be positive.");
        }

        while (true)
        {
            var (state, response) = await PollAsync(describe, cancellationToken).ConfigureAwait(false);
            if (state == WaiterState.Success)
            {
                return response!;
            }

            if (state == WaiterState.Failure)
            {
                throw new EbsException(EbsErrorCodes.WaiterFailure, $"Waiter {Name} failed: a resource reached a state the awaited one cannot follow.");
            }

            var now = time.GetUtcNow();
            if (now >= deadline)
            {
                throw new EbsException(EbsErrorCodes.WaiterTimeout, $"Waiter {Name} timed out: its maximum wait of {maxWait} passed before the awaited state.");
            }

            // Nothing changes before the next scheduled change, so polling sooner would only see the same state.
            var until = nextChange() is { } due && due > now ? due : now + delay;
            until = until < deadline ? until : deadline;
            options?.OnWaiting?.Invoke(until);
            var wait = until - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask<(WaiterState State, TResponse? Response)> PollAsync(Func<CancellationToken, ValueTask<TResponse>> describe, CancellationToken cancellationToken)
    {
        try
        {
            var response = await describe(cancellationToken).ConfigureAwait(false);
            return (Evaluate(response), response);
        }
        catch (EbsException e) when (SuccessErrorCode is not null && e.ErrorCode == SuccessErrorCode)
        {
            return (WaiterState.Success, OnSuccessError);
        }
    }
}
