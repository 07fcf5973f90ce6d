namespace Ebs.Storage.Sqlite.Tests.Faults;

/// <summary>Where the injected fault strikes: before the store does the k-th write, or just after it.</summary>
public enum FaultTiming
{
    BeforeWrite,
    AfterWrite,
}

/// <summary>Counts store writes (chunk puts and deletes, state commits) and fails the k-th one.</summary>
public sealed class FaultPlan(int failAt, FaultTiming timing)
{
    private int _writes;
    private volatile bool _fired;

    public FaultTiming Timing { get; } = timing;

    public bool Fired => _fired;

    /// <summary>Runs one store write, failing it when it is the chosen one (writes may come from several threads).</summary>
    public async ValueTask<T> WriteAsync<T>(Func<ValueTask<T>> write)
    {
        if (Interlocked.Increment(ref _writes) != failAt)
        {
            return await write();
        }

        _fired = true;
        if (Timing == FaultTiming.AfterWrite)
        {
            await write();
        }

        throw new IOException($"Injected fault at store write {failAt} ({Timing}).");
    }
}
