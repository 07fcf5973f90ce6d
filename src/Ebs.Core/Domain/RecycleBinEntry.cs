namespace Ebs.Core.Domain;

/// <summary>
/// A deleted snapshot's or image's stay in the Recycle Bin: from <paramref name="EnterTime"/>
/// (its deletion) to <paramref name="ExitTime"/>, when it is deleted for good unless restored first.
/// </summary>
/// <param name="EnterTime">When it entered the bin.</param>
/// <param name="ExitTime">When it is to be permanently deleted.</param>
internal sealed record RecycleBinEntry(DateTimeOffset EnterTime, DateTimeOffset ExitTime);
