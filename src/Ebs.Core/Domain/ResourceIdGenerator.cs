namespace Ebs.Core.Domain;

/// <summary>Makes new resource ids; seeded for reproducible tests, random otherwise.</summary>
internal sealed class ResourceIdGenerator
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    public ResourceIdGenerator(int? seed) => _random = seed is { } s ? new Random(s) : new Random();

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
                    chars[i] = alphabet[_random.Next(alphabet.Length)];
                }
            }

            var id = new string(chars);
            if (!isTaken(id))
            {
                return id;
            }
        }
    }

    /// <summary>Makes an id that <paramref name="isTaken"/> rejects no longer (a seeded sequence restarts when a store reopens).</summary>
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
                    digits[i] = "0123456789abcdef"[_random.Next(16)];
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
