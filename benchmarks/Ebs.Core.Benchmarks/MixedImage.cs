namespace Ebs.Core.Benchmarks;

/// <summary>
/// Seeded disk images of the restic scenario's mix (as <c>benchmarks/restic/image.py</c> makes
/// them): 64-KiB runs, by a seeded draw 30% zeros, 20% random bytes and 50% log lines; and its
/// daily change, 1% of the image rewritten in scattered 4-KiB writes.
/// </summary>
internal static class MixedImage
{
    /// <summary>The length of one run of a kind of content.</summary>
    public const int Run = 64 * 1024;

    /// <summary>The length of one write of a daily change.</summary>
    public const int Page = 4 * 1024;

    private static readonly string[] Words =
    [
        "kernel", "systemd", "sshd", "nginx", "GET", "POST", "/api/v1/orders", "200", "404", "500", "session",
        "opened", "closed", "for", "user", "root", "from", "port", "connection", "reset", "timeout", "retrying",
        "INFO", "WARN", "ERROR", "DEBUG", "worker", "started", "finished", "in", "ms", "bytes", "cache", "miss", "hit",
    ];

    /// <summary>Fills <paramref name="span"/> (a multiple of <see cref="Run"/>) with the mix drawn from <paramref name="random"/>.</summary>
    public static void Fill(Span<byte> span, Random random)
    {
        for (var offset = 0; offset < span.Length; offset += Run)
        {
            var run = span.Slice(offset, Math.Min(Run, span.Length - offset));
            var draw = random.Next(10);
            if (draw < 3)
            {
                run.Clear();
            }
            else if (draw < 5)
            {
                random.NextBytes(run);
            }
            else
            {
                FillWithLogLines(run, random);
            }
        }
    }

    /// <summary>Writes a new image of <paramref name="bytes"/> bytes to <paramref name="path"/>.</summary>
    public static void Make(string path, long bytes, int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[16 << 20];
        using var file = File.Create(path);
        for (long written = 0; written < bytes; written += buffer.Length)
        {
            var part = buffer.AsSpan(0, (int)Math.Min(buffer.Length, bytes - written));
            Fill(part, random);
            file.Write(part);
        }
    }

    /// <summary>Rewrites 1% of the image at <paramref name="path"/> in scattered 4-KiB writes, the same ones for the same <paramref name="day"/>.</summary>
    public static void Change(string path, int day)
    {
        var random = new Random(1_000_003 + day);
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        var pages = RandomAccess.GetLength(file) / Page;
        var page = new byte[Page];
        foreach (var index in BenchData.DistinctSorted((int)Math.Max(1, pages / 100), pages, 1_000_003 + day))
        {
            if (random.Next(5) == 0)
            {
                random.NextBytes(page);
            }
            else
            {
                FillWithLogLines(page, random);
            }

            RandomAccess.Write(file, page, index * Page);
        }
    }

    /// <summary>Fills <paramref name="span"/> with log lines drawn from <paramref name="random"/>.</summary>
    public static void FillWithLogLines(Span<byte> span, Random random)
    {
        var written = 0;
        while (written < span.Length)
        {
            var line = $"2026-12-01T{random.Next(24):D2}:{random.Next(60):D2}:{random.Next(60):D2}Z host{random.Next(16)} {Words[random.Next(Words.Length)]}[{random.Next(1, 65536)}]: {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {random.Next(100000)}\n";
            var bytes = System.Text.Encoding.ASCII.GetBytes(line);
            var take = Math.Min(bytes.Length, span.Length - written);
            bytes.AsSpan(0, take).CopyTo(span[written..]);
            written += take;
        }
    }
}
