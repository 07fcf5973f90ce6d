namespace Ebs.Core.Domain;

/// <summary>
/// Makes new resource ids; seeded for reproducible tests, random otherwise. A seeded sequence
/// counts the ids it has drawn, so that a store that is reopened continues it (see
/// <see cref="Drawn"/> and <see cref="SkipTo"/>) instead of drawing again the ids of resources
/// deleted since, which AWS never reuses.
/// </summary>
internal sealed class ResourceIdGenerator
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    public ResourceIdGenerator(int? seed)
    {
        IsSeeded = seed is not null;
        _random = seed is { } s ? new Random(s) : new Random();
    }

    /// <summary>Gets a value indicating whether the sequence is seeded, and so worth continuing after a reopen.</summary>
    public bool IsSeeded { get; }

    /// <summary>Gets how many random draws the ids made so far took: the position in the sequence.</summary>
    public long Drawn
    {
        get
        {
            lock (_gate)
            {
                return _drawn;
            }
        }
    }

    private long _drawn;

    /// <summary>Draws and drops until <paramref name="drawn"/> draws were made, continuing a sequence a store recorded.</summary>
    public void SkipTo(long drawn)
    {
        lock (_gate)
        {
            for (; _drawn < drawn; _drawn++)
            {
                _random.Next();
            }
        }
    }

    /// <summary>One character of <paramref name="alphabet"/>; the caller holds the lock. A seeded <see cref="Random"/> takes one sample per call, whatever its bound.</summary>
    private char Draw(string alphabet)
    {
        _drawn++;
        return alphabet[_random.Next(alphabet.Length)];
    }

    /// <summary>Makes an identifier of <paramref name="length"/> characters of <paramref name="alphabet"/> that <paramref name="isTaken"/> rejects no longer.</summary>
    public string Next(string alphabet, int length, Func<string, bool> isTaken)
    {
        Span<char> chars = stackalloc char[length];
        while (true)
        {
            lock (_gate)
            {
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = Draw(alphabet);
                }
            }

            var id = new string(chars);
            if (!isTaken(id))
            {
                return id;
            }
        }
    }

    /// <summary>Makes an id that <paramref name="isTaken"/> rejects no longer.</summary>
    public TId Next<TId>(Func<TId, bool> isTaken)
        where TId : struct, IResourceId<TId>
    {
        Span<char> digits = stackalloc char[ResourceIdFormat.HexDigits];
        while (true)
        {
            lock (_gate)
            {
                for (var i = 0; i < digits.Length; i++)
                {
                    digits[i] = Draw("0123456789abcdef");
                }
            }

            var id = TId.FromValidText(string.Concat(TId.Prefix, digits));
            if (!isTaken(id))
            {
                return id;
            }
        }
    }
}
