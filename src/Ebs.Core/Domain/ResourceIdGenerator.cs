namespace Ebs.Core.Domain;

/// <summary>Makes new resource ids; seeded for reproducible tests, random otherwise.</summary>
internal sealed class ResourceIdGenerator
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    public ResourceIdGenerator(int? seed) => _random = seed is { } s ? new Random(s) : new Random();

    public TId Next<TId>()
        where TId : struct, IResourceId<TId>
    {
        Span<char> digits = stackalloc char[ResourceIdFormat.HexDigits];
        lock (_gate)
        {
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = "0123456789abcdef"[_random.Next(16)];
            }
        }

        return TId.FromValidText(string.Concat(TId.Prefix, digits));
    }
}
