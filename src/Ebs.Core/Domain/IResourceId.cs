namespace Ebs.Core.Domain;

/// <summary>What every typed AWS resource id offers: its prefix, its text, and parsing from text or spans.</summary>
/// <typeparam name="TSelf">The id type.</typeparam>
internal interface IResourceId<TSelf> : ISpanParsable<TSelf>
    where TSelf : struct, IResourceId<TSelf>
{
    /// <summary>Gets the prefix of the id text, such as <c>vol-</c>.</summary>
    static abstract string Prefix { get; }

    /// <summary>Gets the id text.</summary>
    string Value { get; }

    /// <summary>Wraps text already known to be a valid id.</summary>
    /// <param name="text">The id text.</param>
    /// <returns>The id.</returns>
    static abstract TSelf FromValidText(string text);
}
