namespace Ebs.Core.Storage;

/// <summary>
/// One stored document: an aggregate serialized by Ebs.Core, opaque to the store, identified
/// by its kind (such as <c>volume</c>) and key (such as its id).
/// </summary>
/// <param name="Kind">The document kind.</param>
/// <param name="Key">The key, unique within the kind.</param>
/// <param name="Body">The serialized aggregate.</param>
public sealed record StateDocument(string Kind, string Key, byte[] Body);
