using System.Collections.Immutable;

namespace Ebs.Core.Storage;

/// <summary>
/// One kind of stored aggregate, seen without its types: what the engine needs to journal,
/// load and check records of every kind alike.
/// </summary>
internal interface IRecordKind
{
    /// <summary>Gets the kind's name, the <see cref="StateDocument.Kind"/> of its documents.</summary>
    string Name { get; }

    /// <summary>Encodes a record of this kind.</summary>
    StateDocument EncodeRecord(object record);

    /// <summary>Gets the document key of a record key of this kind.</summary>
    string KeyText(object key);

    /// <summary>Decodes a document of this kind; throws <see cref="EbsException"/> <c>InternalError</c> naming it when it cannot.</summary>
    object DecodeRecord(StateDocument document);

    /// <summary>Returns <paramref name="world"/> with this kind's table made of <paramref name="documents"/>.</summary>
    Domain.World Load(Domain.World world, IEnumerable<StateDocument> documents);
}

/// <summary>
/// A kind of stored aggregate: how its records are keyed, encoded and decoded, and the empty
/// table the world starts with. Adding an aggregate kind means its record, one of these (in
/// <see cref="RecordKinds"/>) and its facade; the world, the journal, loading and the stored-state
/// check handle every kind alike.
/// </summary>
/// <typeparam name="TKey">The key type, such as a typed id.</typeparam>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class RecordKind<TKey, TRecord>(
    string name,
    Func<TRecord, TKey> keyOf,
    Func<TKey, string> keyText,
    Func<TRecord, byte[]> serialize,
    Func<StateDocument, TRecord> deserialize,
    IImmutableDictionary<TKey, TRecord> empty) : IRecordKind
    where TKey : notnull
    where TRecord : class
{
    public string Name { get; } = name;

    /// <summary>Gets the table of a world without records of this kind.</summary>
    public IImmutableDictionary<TKey, TRecord> Empty { get; } = empty;

    public TKey KeyOf(TRecord record) => keyOf(record);

    public string KeyText(TKey key) => keyText(key);

    public StateDocument Encode(TRecord record) => new(Name, keyText(keyOf(record)), serialize(record));

    /// <summary>Decodes a document, checking that it is the record of its key.</summary>
    /// <exception cref="EbsException"><c>InternalError</c> naming the document when it cannot be decoded.</exception>
    public TRecord Decode(StateDocument document) => StateCodec.Decoding(document.Kind, document.Key, () =>
    {
        var record = deserialize(document);
        var key = keyText(keyOf(record));
        return key == document.Key ? record : throw new FormatException($"it holds the record of '{key}'");
    });

    StateDocument IRecordKind.EncodeRecord(object record) => Encode((TRecord)record);

    string IRecordKind.KeyText(object key) => keyText((TKey)key);

    object IRecordKind.DecodeRecord(StateDocument document) => Decode(document);

    Domain.World IRecordKind.Load(Domain.World world, IEnumerable<StateDocument> documents)
        => world.With(this, Empty.AddRange(documents.Select(d => Decode(d)).Select(r => KeyValuePair.Create(keyOf(r), r))));
}
