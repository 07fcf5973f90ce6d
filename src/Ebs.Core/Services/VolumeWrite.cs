namespace Ebs.Core.Services;

/// <summary>One range of a multi-range volume write: bytes and the offset they go to.</summary>
/// <param name="Offset">The byte offset in the volume.</param>
/// <param name="Data">The bytes to write there.</param>
public readonly record struct VolumeWrite(long Offset, ReadOnlyMemory<byte> Data);
