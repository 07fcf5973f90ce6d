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

    public FaultTiming Timing { get; } = timing;

    public bool Fired { get; private set; }

    /// <summary>Runs one store write, failing it when it is the chosen one.</summary>
    public async ValueTask<T> WriteAsync<T>(Func<ValueTask<T>> write)
    {
        if (Fired || ++_writes != failAt)
        {
            return await write();
        }

        Fired = true;
        if (Timing == FaultTiming.AfterWrite)
        {
            await write();
        }

        throw new IOException($"Injected fault at store write {failAt} ({Timing}).");
    }
}
