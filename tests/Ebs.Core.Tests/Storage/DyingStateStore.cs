using Ebs.Core.BlockMaps;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Storage;

/// <summary>
/// A state store whose process dies after <c>commits</c> commits: every later one fails before
/// it lands, so what the store holds is exactly what a killed process would have left.
/// </summary>
public sealed class DyingStateStore(IStateStore inner, int commits) : IStateStore
{
    private int _left = commits;

    public ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

    public byte[]? ReadNode(NodeId id) => inner.ReadNode(id);

    public ValueTask<IReadOnlyList<StoredNode>> LoadNodesAsync(CancellationToken cancellationToken = default) => inner.LoadNodesAsync(cancellationToken);

    public ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default)
        => Interlocked.Decrement(ref _left) >= 0
            ? inner.CommitAsync(changes, cancellationToken)
            : throw new IOException("The process died.");

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
