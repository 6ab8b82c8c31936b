using System.Buffers;
using System.Text;
using System.Text.Json;
using CbTyped.Modeling.Json;

namespace CbTyped.Modeling;

/// <summary>
/// The base of every generated JSON object type (models and their nested types): it keeps the raw UTF-8 document,
/// an index of where each known field's value sits in it, which fields were decoded, and which were changed.
/// </summary>
/// <remarks>
/// <para>Reading: <see cref="LoadJson(ReadOnlyMemory{byte})"/> makes one structural pass that records each known
/// field's value position (no decoding). A property decodes its value on first use and caches it. A row of a search
/// page keeps a slice of the page buffer, so the page stays alive while any of its rows does.</para>
/// <para>Writing: <see cref="WriteTo"/> walks the document again, copies every unchanged member (unknown ones too)
/// byte for byte and re-encodes only the changed fields, so a PUT never drops what the server sent.</para>
/// <para>Dirty tracking: a field is dirty while its value differs from the document's; setting it back makes it clean.</para>
/// <para>Concurrent reads are safe (decoding is idempotent and published with release/acquire); setting properties
/// or loading needs the caller's synchronisation, like any .NET collection.</para>
/// </remarks>
public abstract partial class CbObject
{
    private const int NameStackLimit = 128;

    private ReadOnlyMemory<byte> _document;
    private object?[]? _assigned;
    private bool _hasDocument;

    /// <summary>The UTF-8 JSON object this instance was loaded from; empty for a new instance.</summary>
    public ReadOnlyMemory<byte> RawJson => _document;

    /// <summary>True when any field differs from the loaded document (or was set on a new instance).</summary>
    public bool IsDirty
    {
        get
        {
            if (AnyDirtyBit())
            {
                return true;
            }

            for (int i = 0; i < FieldCount; i++)
            {
                if (HasChangedChild(i))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The JSON names of the fields that changed, in field-table order.</summary>
    public IReadOnlyList<string> GetDirtyFields()
    {
        var names = new List<string>();
        IReadOnlyList<CbFieldInfo> fields = TypeDescription.Fields;
        for (int i = 0; i < fields.Count; i++)
        {
            if (IsChanged(i))
            {
                names.Add(fields[i].JsonName);
            }
        }

        return names;
    }

    /// <summary>True when the field with this JSON name changed.</summary>
    public bool IsFieldDirty(string jsonName)
    {
        int index = FindField(jsonName);
        return index >= 0 && IsChanged(index);
    }

    /// <summary>The members of the document the spec does not declare, as JSON name → raw JSON text, in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GetUnknownFields()
    {
        var unknown = new List<KeyValuePair<string, string>>();
        if (!_hasDocument)
        {
            return unknown;
        }

        ReadOnlySpan<byte> json = _document.Span;
        var scanner = new CbJsonScanner(json);
        scanner.ReadStartObject();
        while (scanner.TryReadPropertyName(out ReadOnlySpan<byte> rawName, out bool escaped))
        {
            CbJsonValue value = scanner.ReadValue();
            if (FindFieldRaw(rawName, escaped) < 0)
            {
                string name = escaped ? CbStringDecoder.DecodeEscaped(rawName) : CbStringDecoder.Decode(rawName);
                unknown.Add(new(name, Encoding.UTF8.GetString(json.Slice(value.Start, value.Length))));
            }
        }

        return unknown;
    }

    /// <summary>The raw JSON text the document has for a member (known or unknown), or null when it has none.</summary>
    public string? GetRawValue(string jsonName)
    {
        ArgumentNullException.ThrowIfNull(jsonName);
        if (!_hasDocument)
        {
            return null;
        }

        ReadOnlySpan<byte> json = _document.Span;
        var scanner = new CbJsonScanner(json);
        scanner.ReadStartObject();
        string? found = null;
        while (scanner.TryReadPropertyName(out ReadOnlySpan<byte> rawName, out bool escaped))
        {
            CbJsonValue value = scanner.ReadValue();
            string name = escaped ? CbStringDecoder.DecodeEscaped(rawName) : CbStringDecoder.Decode(rawName);
            if (name == jsonName)
            {
                found = Encoding.UTF8.GetString(json.Slice(value.Start, value.Length));
            }
        }

        return found;
    }

    /// <summary>
    /// A field's current value as text, as used in route templates, keys and query templates (numbers invariant,
    /// timestamps <c>yyyy-MM-ddTHH:mm:ss</c> UTC, enums their JSON text); null when unset, unknown or not a scalar.
    /// </summary>
    public string? GetFieldText(string jsonName)
    {
        ArgumentNullException.ThrowIfNull(jsonName);
        int index = FindField(jsonName);
        return index < 0 ? null : FormatField(index);
    }

    /// <summary>Replaces this instance's data with one JSON object (a one-element array holding it is unwrapped).</summary>
    /// <remarks>The memory is kept, not copied: do not reuse the buffer while the instance is alive.</remarks>
    public void LoadJson(ReadOnlyMemory<byte> json)
    {
        var scanner = new CbJsonScanner(json.Span);
        if (scanner.PeekKind() == CbJsonKind.Array)
        {
            scanner.ReadStartArray();
            if (!scanner.TryReadNextElement())
            {
                throw new CbJsonException("Expected one JSON object but the server sent an empty array.");
            }
        }

        LoadJson(json, ref scanner);
    }

    /// <summary>
    /// Loads the object at the scanner's position in <paramref name="buffer"/> (the scanner's buffer) and leaves the
    /// scanner after it: the one-pass path used to read the rows of a page.
    /// </summary>
    public void LoadJson(ReadOnlyMemory<byte> buffer, ref CbJsonScanner scanner)
    {
        scanner.PeekKind();
        int start = scanner.Position;
        Span<uint> slots = FieldSlots;
        slots.Clear();
        ResetBits();
        _assigned = null;
        scanner.ReadStartObject();
        while (scanner.TryReadPropertyName(out ReadOnlySpan<byte> rawName, out bool escaped))
        {
            CbJsonValue value = scanner.ReadValue();
            int index = escaped ? FindFieldRaw(rawName, escaped: true) : FindField(rawName);
            if (index >= 0)
            {
                slots[index] = CbFieldSlot.Pack(value.Start - start, value.Kind);
            }
        }

        _document = buffer[start..scanner.Position];
        _hasDocument = true;
        OnDocumentLoaded();
    }

    /// <summary>Writes this instance as a JSON object (see <see cref="CbWriteMode"/>).</summary>
    public void WriteTo(Utf8JsonWriter writer, CbWriteMode mode = CbWriteMode.Full)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int fieldCount = FieldCount;
        Span<ulong> written = fieldCount <= 256 ? stackalloc ulong[4] : new ulong[(fieldCount + 63) / 64];
        IReadOnlyList<CbFieldInfo> fields = TypeDescription.Fields;
        writer.WriteStartObject();
        if (_hasDocument)
        {
            ReadOnlySpan<byte> json = _document.Span;
            var scanner = new CbJsonScanner(json);
            scanner.ReadStartObject();
            Span<byte> nameBuffer = stackalloc byte[NameStackLimit];
            while (scanner.TryReadPropertyName(out ReadOnlySpan<byte> rawName, out bool escaped))
            {
                CbJsonValue value = scanner.ReadValue();
                int index = FindFieldRaw(rawName, escaped);
                if (index >= 0)
                {
                    if (CbFieldSlot.Offset(FieldSlots[index]) != value.Start)
                    {
                        continue; // a duplicate member: reading kept the last occurrence, so writing does too
                    }

                    written[index >> 6] |= 1UL << (index & 63);
                    if (!Includes(fields[index], mode))
                    {
                        continue;
                    }

                    if (IsChanged(index))
                    {
                        WriteFieldValue(writer, index, mode);
                        continue;
                    }
                }

                if (mode == CbWriteMode.Changes)
                {
                    continue;
                }

                ReadOnlySpan<byte> name = escaped ? UnescapeName(rawName, ref nameBuffer) : rawName;
                writer.WritePropertyName(name);
                writer.WriteRawValue(json.Slice(value.Start, value.Length), skipInputValidation: true);
            }
        }

        for (int index = 0; index < fieldCount; index++)
        {
            if ((written[index >> 6] & (1UL << (index & 63))) == 0 && IsChanged(index) && Includes(fields[index], mode))
            {
                WriteFieldValue(writer, index, mode);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>This instance as UTF-8 JSON (see <see cref="CbWriteMode"/>).</summary>
    public byte[] ToUtf8Json(CbWriteMode mode = CbWriteMode.Full)
    {
        var buffer = new ArrayBufferWriter<byte>(_document.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, CbJson.WriterOptions))
        {
            WriteTo(writer, mode);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>This instance as JSON text (the <see cref="CbWriteMode.Full"/> form).</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToUtf8Json());

    /// <summary>
    /// Makes the current values the baseline: nothing is dirty afterwards. The document is rebuilt from the current
    /// values so unchanged-field copies and later comparisons use what is now true.
    /// </summary>
    public virtual void ClearDirty()
    {
        if (IsDirty)
        {
            LoadJson(ToUtf8Json(CbWriteMode.Full));
        }
    }

    // ---- what generated code implements -------------------------------------------------------------------

    /// <summary>The field table (index = the field's slot), for writers and diagnostics.</summary>
    protected abstract CbTypeInfo TypeDescription { get; }

    /// <summary>One packed <see cref="CbFieldSlot"/> per known field (an inline array in the generated type).</summary>
    protected abstract Span<uint> FieldSlots { get; }

    /// <summary>The slot index of the field with this (unescaped) UTF-8 JSON name, or -1.</summary>
    protected abstract int FindField(ReadOnlySpan<byte> utf8JsonName);

    /// <summary>Writes the field's name and its current (changed) value.</summary>
    protected abstract void WriteFieldValue(Utf8JsonWriter writer, int index, CbWriteMode mode);

    /// <summary>True when a loaded nested object or list of them, kept by reference, was changed in place.</summary>
    protected virtual bool HasChangedChild(int index) => false;

    /// <summary>The field's current value as text for URLs, keys and query templates (null when unset or not a scalar).</summary>
    protected virtual string? FormatField(int index) => null;

    /// <summary>Called after a document was loaded (generated code forwards it to the <c>OnLoaded</c> partial hook).</summary>
    protected virtual void OnDocumentLoaded()
    {
    }

    // ---- what generated properties call ------------------------------------------------------------------

    /// <summary>How many fields the type declares.</summary>
    protected int FieldCount => TypeDescription.Fields.Count;

    /// <summary>True when the field's value has been decoded (or set) and cached.</summary>
    /// <remarks>Acquire read: a reader that sees the bit also sees the cached value stored before it.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    protected bool IsLoaded(int index) =>
        index < 64 ? (Volatile.Read(ref _loaded) & (1UL << index)) != 0 : GetBit(LoadedWord, index);

    /// <summary>Marks the field's cached value as decoded (release write, after the value was stored).</summary>
    /// <remarks>Two threads decoding different fields at once may lose one bit; that field is then decoded again, which is harmless.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    protected void MarkLoaded(int index)
    {
        if (index < 64)
        {
            Volatile.Write(ref _loaded, _loaded | (1UL << index));
        }
        else
        {
            SetBit(LoadedWord, index, true);
        }
    }

    /// <summary>True when the field's value differs from the document's.</summary>
    protected bool IsFieldDirty(int index) => GetBit(DirtyWord, index);

    /// <summary>Records that a setter stored a value: cached, and dirty unless it equals the document's value.</summary>
    protected void MarkAssigned(int index, bool differsFromDocument, bool isNull)
    {
        SetBit(LoadedWord, index, true);
        SetBit(DirtyWord, index, differsFromDocument);
        SetBit(NullWord, index, isNull);
    }

    /// <summary>The field's raw JSON token in the document, and its kind (<see cref="CbJsonKind.None"/> when absent).</summary>
    protected ReadOnlySpan<byte> GetRawToken(int index, out CbJsonKind kind)
    {
        uint slot = FieldSlots[index];
        kind = CbFieldSlot.Kind(slot);
        if (kind == CbJsonKind.None)
        {
            return default;
        }

        ReadOnlySpan<byte> rest = _document.Span[CbFieldSlot.Offset(slot)..];
        return rest[..CbJsonScanner.MeasureToken(rest, kind)];
    }

    /// <summary>The field's raw JSON token as memory (nested values keep a slice instead of a copy).</summary>
    protected ReadOnlyMemory<byte> GetRawTokenMemory(int index, out CbJsonKind kind)
    {
        uint slot = FieldSlots[index];
        kind = CbFieldSlot.Kind(slot);
        if (kind == CbJsonKind.None)
        {
            return default;
        }

        ReadOnlyMemory<byte> rest = _document[CbFieldSlot.Offset(slot)..];
        return rest[..CbJsonScanner.MeasureToken(rest.Span, kind)];
    }

    /// <summary>The value a setter stored for a value-type field (value types are not cached: they decode in nanoseconds).</summary>
    protected T GetAssigned<T>(int index) => (T)_assigned![index]!;

    /// <summary>Stores a value-type field's set value (boxed: setting is rare, reading rows is not).</summary>
    protected void SetAssigned<T>(int index, T value) => (_assigned ??= new object?[FieldCount])[index] = value;

    /// <summary>The JSON kind the document used for the field (writers keep that shape).</summary>
    protected CbJsonKind GetRawKind(int index) => CbFieldSlot.Kind(FieldSlots[index]);

    /// <summary>True when the field has a non-null value: a set value, or one in the document.</summary>
    protected bool HasValue(int index)
    {
        if (GetBit(DirtyWord, index))
        {
            return !GetBit(NullWord, index);
        }

        CbJsonKind kind = GetRawKind(index);
        return kind is not (CbJsonKind.None or CbJsonKind.Null);
    }

    private bool IsChanged(int index) => GetBit(DirtyWord, index) || HasChangedChild(index);

    private static bool Includes(CbFieldInfo field, CbWriteMode mode) =>
        mode != CbWriteMode.Create || !(field.IsReadOnly || (field.IsKey && !field.IsSentOnCreate));

    private int FindField(string jsonName)
    {
        int max = Encoding.UTF8.GetMaxByteCount(jsonName.Length);
        Span<byte> utf8 = max <= NameStackLimit ? stackalloc byte[NameStackLimit] : new byte[max];
        int length = Encoding.UTF8.GetBytes(jsonName, utf8);
        return FindField(utf8[..length]);
    }

    private int FindFieldRaw(ReadOnlySpan<byte> rawName, bool escaped)
    {
        if (!escaped)
        {
            return FindField(rawName);
        }

        Span<byte> buffer = rawName.Length <= NameStackLimit ? stackalloc byte[NameStackLimit] : new byte[rawName.Length];
        int length = CbStringDecoder.Unescape(rawName, buffer);
        return FindField(buffer[..length]);
    }

    private static ReadOnlySpan<byte> UnescapeName(ReadOnlySpan<byte> rawName, ref Span<byte> buffer)
    {
        if (rawName.Length > buffer.Length)
        {
            buffer = new byte[rawName.Length];
        }

        int length = CbStringDecoder.Unescape(rawName, buffer);
        return buffer[..length];
    }
}
