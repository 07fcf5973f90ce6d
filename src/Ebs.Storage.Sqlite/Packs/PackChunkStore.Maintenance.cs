using System.Collections.Immutable;
using Ebs.Core.Chunks;

namespace Ebs.Storage.Sqlite.Packs;

/// <summary>Repacking and checking the packs: what <c>ebs store repack</c> and <c>ebs fsck</c> run.</summary>
internal sealed partial class PackChunkStore
{
    /// <summary>
    /// Rewrites every pack (but the one being filled) whose live records take less than
    /// <see cref="RepackThreshold"/> of its bytes, and removes packs no location names. The live
    /// records are copied into the pack being filled and flushed, their locations switched in
    /// one transaction, and only then is the old pack deleted: a crash before the switch leaves
    /// the copies as an unrecorded tail, after it an old pack no location names; both are
    /// reclaimed by the next repack or fsck repair. A pack with a damaged record is left as it is.
    /// </summary>
    public async ValueTask<PackRepackReport> RepackAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFailed();
            var usage = _state.ReadLocations(t => t.Usage());
            var busy = BusyPacks();
            var victims = Numbers(_folder).Order().Where(number => !busy.Contains(number)
                && (usage.TryGetValue(number, out var live) ? live.RecordBytes : 0) < new FileInfo(PathOf(number)).Length * RepackThreshold).ToList();
            var moves = new List<(ChunkId Id, PackLocation From, PackLocation To)>();
            var emptied = new List<long>();
            var before = PackBytes();
            var damaged = ImmutableArray.CreateBuilder<string>();
            foreach (var victim in victims)
            {
                var copies = new List<(ChunkId, PackLocation, PackLocation)>();
                string? problem = null;
                foreach (var (id, location) in _state.ReadLocations(t => t.All(victim)))
                {
                    var record = await ReadRecordAsync(location, cancellationToken).ConfigureAwait(false);
                    var bad = PackFile.Check(record, out var info) ?? (info.Id != id ? "it holds another chunk" : null);
                    if (bad is not null)
                    {
                        problem = $"pack {PathOf(victim)} was not repacked: chunk {id}'s record is damaged ({bad})";
                        break;
                    }

                    copies.Add((id, location, await AppendAsync(id, record, location.ChunkLength, cancellationToken).ConfigureAwait(false)));
                }

                if (problem is not null)
                {
                    damaged.Add(problem);
                    continue;
                }

                moves.AddRange(copies);
                emptied.Add(victim);
            }

            if (emptied.Count == 0)
            {
                return new PackRepackReport { Damaged = damaged.ToImmutable() };
            }

            // The copies are durable before any location names them.
            await FlushPacksAsync().ConfigureAwait(false);
            _state.CommitLocations(t =>
            {
                foreach (var (id, from, to) in moves)
                {
                    t.Move(id, from, to);
                }
            });

            var removed = RemoveUnrecorded(emptied);
            return new PackRepackReport
            {
                PacksRewritten = removed.Count(n => usage.ContainsKey(n)),
                PacksRemoved = removed.Count,
                ChunksMoved = moves.Count,
                BytesFreed = before - PackBytes(),
                Damaged = damaged.ToImmutable(),
            };
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>
    /// Checks every pack: its header, its index when sealed, and its records against what the
    /// locations say. Finds tails past the last recorded record (a write a crash interrupted,
    /// or flushed chunks no commit recorded) and packs no location names; with
    /// <paramref name="repair"/> it cuts such tails off and removes such packs, unless they
    /// hold more than half of the pack bytes and <paramref name="force"/> is not given (what a
    /// state restored from an older copy looks like: those bytes hold its lost records).
    /// </summary>
    public async ValueTask<PackCheckReport> CheckAsync(bool repair, bool force, CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var usage = _state.ReadLocations(t => t.Usage());
            var busy = BusyPacks();
            var problems = ImmutableArray.CreateBuilder<string>();
            var tails = new List<(long Number, long End, long Length)>();
            long total = 0, physical = 0, logical = 0;
            var packs = 0;
            foreach (var number in Numbers(_folder).Order())
            {
                cancellationToken.ThrowIfCancellationRequested();
                packs++;
                var path = PathOf(number);
                using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var length = RandomAccess.GetLength(file);
                total += length;
                var live = usage.GetValueOrDefault(number);
                physical += live.RecordBytes;
                logical += live.ChunkBytes;
                PackFile.SealedIndex? index = null;
                var indexDamaged = false;
                try
                {
                    index = PackFile.ReadIndex(file);
                }
                catch (InvalidDataException e)
                {
                    problems.Add($"pack {path}: {e.Message}");
                    indexDamaged = true;
                }

                var recordsEnd = index?.End ?? length;
                var scan = PackFile.Scan(file, recordsEnd);
                var end = live.Chunks > 0 ? live.End : PackFile.HeaderSize;
                if (indexDamaged)
                {
                    continue; // its records still read through their locations; nothing in it is cut
                }

                if (scan.Problem is not null && scan.End < end)
                {
                    problems.Add($"pack {path}: {scan.Problem}");
                }
                else if (index is not null && !index.Records.SequenceEqual(scan.Records.Select(r => (r.Id, r.Offset))))
                {
                    problems.Add($"pack {path}: its index does not list its records");
                }

                if (!busy.Contains(number) && index is null && length > end)
                {
                    tails.Add((number, end, length));
                }
            }

            var reclaimable = tails.Sum(t => t.Length - t.End);
            var refusal = repair && !force && reclaimable > total * RepairLimit
                ? $"it would cut {reclaimable} of {total} pack bytes no location names, more than {(int)(RepairLimit * 100)}%: if the state was restored from an older copy, they hold its lost records; force only when the state is whole"
                : null;
            var reclaimed = 0L;
            if (repair && refusal is null)
            {
                foreach (var (number, end, length) in tails)
                {
                    using (var file = File.OpenHandle(PathOf(number), FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete))
                    {
                        RandomAccess.SetLength(file, end);
                        RandomAccess.FlushToDisk(file);
                    }

                    reclaimed += length - end;
                }

                foreach (var number in RemoveUnrecorded(tails.Where(t => t.End == PackFile.HeaderSize).Select(t => t.Number)))
                {
                    reclaimed += PackFile.HeaderSize;
                }
            }

            return new PackCheckReport
            {
                Packs = packs,
                PackBytes = total - reclaimed,
                PhysicalChunkBytes = physical,
                LogicalChunkBytes = logical,
                UnrecordedBytes = reclaimable,
                ReclaimedBytes = reclaimed,
                Problems = problems.ToImmutable(),
                RepairRefusal = refusal,
            };
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>The share of pack bytes a repair cuts off without force, as for leaked chunks.</summary>
    private const double RepairLimit = 0.5;

    /// <summary>Deletes those of <paramref name="numbers"/> that no location names and nothing in memory uses: provably unreferenced.</summary>
    private List<long> RemoveUnrecorded(IEnumerable<long> numbers)
    {
        var busy = BusyPacks();
        var removed = new List<long>();
        foreach (var number in numbers)
        {
            if (!busy.Contains(number) && _state.ReadLocations(t => t.EndOf(number)) is null)
            {
                ForgetReader(number);
                File.Delete(PathOf(number));
                removed.Add(number);
            }
        }

        if (removed.Count > 0)
        {
            _ = FileSync.FlushDirectory(_folder);
        }

        return removed;
    }

    /// <summary>The size of every pack file.</summary>
    private long PackBytes() => Numbers(_folder).Sum(number => new FileInfo(PathOf(number)).Length);

    /// <summary>Packs this process fills or holds unrecorded chunks in.</summary>
    private HashSet<long> BusyPacks()
    {
        lock (_gate)
        {
            HashSet<long> busy = [.. _unflushed.Values.Select(l => l.Pack), .. _uncommitted.Values.Select(l => l.Pack), .. _dirty.Keys];
            if (_active is { } active)
            {
                busy.Add(active.Number);
            }

            if (_continuable is { } last)
            {
                busy.Add(last.Number);
            }

            return busy;
        }
    }
}
