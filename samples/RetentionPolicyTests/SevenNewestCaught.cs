namespace RetentionPolicyTests;

/// <summary>The run that catches <see cref="SevenNewestRetention"/>, kept as a regression, and the counter-example it shrinks to.</summary>
internal static class SevenNewestCaught
{
    public const ulong Seed = 1;
    public const ulong Gamma = 3;
    public const string Shrunk = "[|01:00:00; 23:00:00; 01:00:00; 01:00:00; 01:00:00; 01:00:00; 01:00:00; 01:00:00|]";
}
