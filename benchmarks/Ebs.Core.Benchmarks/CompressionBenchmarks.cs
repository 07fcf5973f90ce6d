using BenchmarkDotNet.Attributes;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// The local store's chunk codec, chosen on the restic scenario's data: 64 chunks of 512 KiB
/// (32 MiB) made of 64-KiB runs, by a seeded draw 30% zeros, 20% random bytes and 50% log
/// lines (as <c>benchmarks/restic/image.py</c> makes its image). LZ4 fast (the store's codec)
/// against LZ4 HC and zstd levels 1 and 3, compressing and decompressing every chunk; a chunk
/// that does not shrink is kept as it is, as the store keeps it. The stored bytes of each codec
/// are printed once by <see cref="Setup"/> (the ratio is not a time, so it is not a column).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CompressionBenchmarks
{
    private const int ChunkSize = 512 * 1024;
    private const int Chunks = 64;


    private readonly byte[][] _chunks = new byte[Chunks][];
    private readonly byte[][] _lz4 = new byte[Chunks][];
    private readonly byte[][] _zstd = new byte[Chunks][];
    private readonly byte[] _buffer = new byte[LZ4Codec.MaximumOutputSize(ChunkSize) + 1024];
    private readonly byte[] _decoded = new byte[ChunkSize];
    private readonly Compressor _zstd1 = new(1);
    private readonly Compressor _zstd3 = new(3);
    private readonly Decompressor _unzstd = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var c = 0; c < Chunks; c++)
        {
            var chunk = _chunks[c] = new byte[ChunkSize];
            MixedImage.Fill(chunk, random);
            _lz4[c] = Keep(chunk, LZ4Codec.Encode(chunk, _buffer, LZ4Level.L00_FAST));
            _zstd[c] = Keep(chunk, _zstd1.Wrap(chunk, _buffer));
        }

        long Stored(Func<byte[], int> compress) => _chunks.Sum(chunk => (long)Math.Min(chunk.Length, compress(chunk)));
        var logical = (long)Chunks * ChunkSize;
        foreach (var (name, stored) in new[]
        {
            ("LZ4 fast", Stored(chunk => LZ4Codec.Encode(chunk, _buffer, LZ4Level.L00_FAST))),
            ("LZ4 HC", Stored(chunk => LZ4Codec.Encode(chunk, _buffer, LZ4Level.L03_HC))),
            ("zstd 1", Stored(chunk => _zstd1.Wrap(chunk, _buffer))),
            ("zstd 3", Stored(chunk => _zstd3.Wrap(chunk, _buffer))),
        })
        {
            Console.WriteLine($"// stored {name}: {stored:N0} of {logical:N0} bytes, ratio {(double)logical / stored:F2}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _zstd1.Dispose();
        _zstd3.Dispose();
        _unzstd.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Lz4FastCompress() => Each(chunk => LZ4Codec.Encode(chunk, _buffer, LZ4Level.L00_FAST));

    [Benchmark]
    public int Lz4HighCompress() => Each(chunk => LZ4Codec.Encode(chunk, _buffer, LZ4Level.L03_HC));

    [Benchmark]
    public int Zstd1Compress() => Each(chunk => _zstd1.Wrap(chunk, _buffer));

    [Benchmark]
    public int Zstd3Compress() => Each(chunk => _zstd3.Wrap(chunk, _buffer));

    [Benchmark]
    public int Lz4Decompress() => Decode(_lz4, stored => LZ4Codec.Decode(stored, _decoded));

    [Benchmark]
    public int Zstd1Decompress() => Decode(_zstd, stored => _unzstd.Unwrap(stored, _decoded));

    private int Each(Func<byte[], int> compress)
    {
        var total = 0;
        foreach (var chunk in _chunks)
        {
            total += compress(chunk);
        }

        return total;
    }

    private int Decode(byte[][] stored, Func<byte[], int> decode)
    {
        var total = 0;
        foreach (var chunk in stored)
        {
            // A chunk kept as it is (it did not shrink) is copied, as the store reads it.
            if (chunk.Length == ChunkSize)
            {
                chunk.CopyTo(_decoded, 0);
                total += ChunkSize;
                continue;
            }

            total += decode(chunk);
        }

        return total;
    }

    private byte[] Keep(byte[] chunk, int length) => length < chunk.Length ? _buffer.AsSpan(0, length).ToArray() : chunk;
}
