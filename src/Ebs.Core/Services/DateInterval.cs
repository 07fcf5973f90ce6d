namespace Ebs.Core.Services;

/// <summary>A period of a cost report (Cost Explorer's <c>DateInterval</c>), from any instant, not only whole days or hours.</summary>
public sealed record DateInterval
{
    /// <summary>Gets the beginning of the period, inclusive. It must not be later than now.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Gets the end of the period, exclusive. It must be after <see cref="Start"/> and not past the beginning of next month.</summary>
    public required DateTimeOffset End { get; init; }
}
