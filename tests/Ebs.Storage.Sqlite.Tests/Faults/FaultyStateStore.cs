using Ebs.Core.BlockMaps;
using Ebs.Core.Storage;

namespace Ebs.Storage.Sqlite.Tests.Faults;

/// <summary>A state store whose commits fail when the plan says so: before the transaction, or after it is durable.</summary>
public sealed class FaultyStateStore(IStateStore inner, FaultPlan plan) : IStateStore
{
    public ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

    public byte[]? ReadNode(NodeId id) => inner.ReadNode(id);

    public ValueTask<IReadOnlyList<StoredNode>> LoadNodesAsync(CancellationToken cancellationToken = default) => inner.LoadNodesAsync(cancellationToken);

    public ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default)
        => new(plan.WriteAsync(async () =>
        {
            await inner.CommitAsync(changes, cancellationToken);
            return true;
        }).AsTask());

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
