using System.Buffers;
using System.ComponentModel;
using System.Runtime.InteropServices;
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
/// <para>Writing: <see cref="WriteTo"/> writes the known fields from their slots (re-encoding only the changed ones)
/// and copies every unknown member byte for byte, in document order, so a PUT never drops what the server sent.</para>
/// <para>Dirty tracking: a field is dirty while its value differs from the document's; setting it back makes it clean.</para>
/// <para>Concurrent reads are safe (decoding is idempotent and published with release/acquire); setting properties
/// or loading needs the caller's synchronisation, like any .NET collection.</para>
/// </remarks>
public abstract partial class CbObject
{
    private const int NameStackLimit = 128;

    private ReadOnlyMemory<byte> _document;
    private byte[]? _documentArray; // the array behind _document, when it has one: properties read it without Memory.Span
    private int _documentOffset;
    private object?[]? _assigned;
    private bool _hasDocument;
    private bool _hasDuplicateMembers;
    private bool _wideSlots;

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

    /// <summary>True when the loaded document has a member for the known field with this JSON name (a JSON null counts).</summary>
    public bool HasDocumentValue(string jsonName)
    {
        int index = FindField(jsonName);
        return index >= 0 && CbFieldSlot.Kind(FieldSlots[index]) != CbJsonKind.None;
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
    /// <remarks>
    /// For generated code and the runtime's readers; applications get models through the client. The memory is kept,
    /// not copied: do not reuse the buffer while the instance is alive.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
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
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void LoadJson(ReadOnlyMemory<byte> buffer, ref CbJsonScanner scanner)
    {
        scanner.PeekKind();
        int start = scanner.Position;
        Span<uint> slots = FieldSlots;
        slots.Clear();
        ResetBits();
        _assigned = null;
        _rowIndex = -1;
        scanner.ReadStartObject();
        int previous = -1;
        bool duplicates = false;
        bool wide = false;
        ReadOnlySpan<JsonEncodedText> names = JsonNames;
        CbMemberPatterns? patterns = MemberPatterns;
        int patternCount = patterns?.Count ?? 0;
        while (true)
        {
            int next = previous + 1;
            if (!wide && next < patternCount)
            {
                // The usual case: a run of members in the spec's order, read in one tight loop.
                int reached = scanner.ReadExpectedMembers(patterns!, next, slots, start, ref duplicates);
                if (reached != next)
                {
                    previous = reached - 1;
                    continue;
                }
            }

            int index;
            if (next < patternCount && scanner.TryReadExpectedMember(patterns!, next))
            {
                index = next; // the usual case: the member the spec's order says comes next
            }
            else if (scanner.TryReadPropertyName(
                (uint)next < (uint)names.Length ? names[next].EncodedUtf8Bytes : default,
                out ReadOnlySpan<byte> rawName,
                out bool escaped,
                out bool isExpected))
            {
                index = isExpected ? next : escaped ? FindFieldRaw(rawName, escaped: true) : FindFieldAfter(rawName, previous);
            }
            else
            {
                break;
            }

            CbJsonValue value = scanner.ReadValue();
            if (index >= 0)
            {
                duplicates |= slots[index] != 0;
                int offset = value.Start - start;
                if (offset > CbFieldSlot.MaxCompactOffset && !wide)
                {
                    wide = true; // a value beyond the first MiB: this object switches to the wide layout
                    for (int i = 0; i < slots.Length; i++)
                    {
                        slots[i] = CbFieldSlot.ToWide(slots[i]);
                    }
                }

                slots[index] = wide ? CbFieldSlot.PackWide(offset, value.Kind) : CbFieldSlot.Pack(offset, value.Length, value.Kind);
                previous = index;
            }
        }

        _hasDuplicateMembers = duplicates;
        _wideSlots = wide;

        _document = buffer[start..scanner.Position];
        if (MemoryMarshal.TryGetArray(_document, out ArraySegment<byte> segment))
        {
            _documentArray = segment.Array;
            _documentOffset = segment.Offset;
        }
        else
        {
            _documentArray = null;
        }

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
        if (_hasDocument && !(mode == CbWriteMode.Full && TryWriteDocumentRuns(writer, written)))
        {
            WriteDocumentMembers(writer, mode, fields, written);
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

    /// <summary>
    /// The <see cref="CbWriteMode.Full"/> fast path: the document is copied in runs of whole members (unknown ones
    /// included), broken only where a changed field is re-encoded in place. False, having written nothing, when it
    /// does not apply (an indented writer, a document with duplicate members, or unexpected bytes around a member).
    /// </summary>
    /// <remarks>
    /// A PUT changes a field or two of an object the server sent, so this writes a handful of runs instead of one
    /// name and one value per member. The runs keep the server's spacing (<c>", "</c>, <c>": "</c>); the JSON is the same.
    /// </remarks>
    private bool TryWriteDocumentRuns(Utf8JsonWriter writer, Span<ulong> written)
    {
        if (_hasDuplicateMembers || writer.Options.Indented)
        {
            return false;
        }

        ReadOnlySpan<byte> json = _document.Span;
        Span<uint> slots = FieldSlots;
        int fieldCount = Math.Min(FieldCount, slots.Length);
        Span<long> changed = fieldCount <= 256 ? stackalloc long[fieldCount] : new long[fieldCount];
        int count = 0;
        for (int index = 0; index < fieldCount; index++)
        {
            uint slot = slots[index];
            if (CbFieldSlot.Kind(slot) != CbJsonKind.None && IsChanged(index))
            {
                changed[count++] = ((long)CbFieldSlot.Offset(slot, _wideSlots) << 32) | (uint)index;
            }
        }

        changed = changed[..count];
        changed.Sort();

        // Where each changed member starts (its name) and where the member before it ends, found before anything
        // is written so that a surprise can still fall back to the member-by-member writer.
        Span<int> bounds = count <= 128 ? stackalloc int[2 * count] : new int[2 * count];
        for (int i = 0; i < count; i++)
        {
            int nameStart = MemberNameStart(json, (int)(changed[i] >> 32));
            if (nameStart < 0)
            {
                return false;
            }

            bounds[2 * i] = nameStart;
            bounds[(2 * i) + 1] = PreviousMemberEnd(json, nameStart);
        }

        if (json.Length < 2 || json[^1] != (byte)'}')
        {
            return false;
        }

        Span<byte> nameBuffer = stackalloc byte[NameStackLimit];
        int runStart = SkipWhitespace(json, 1);
        for (int i = 0; i < count; i++)
        {
            int index = (int)(uint)changed[i];
            int offset = (int)(changed[i] >> 32);
            WriteRun(writer, json, runStart, bounds[(2 * i) + 1], ref nameBuffer);
            WriteFieldValue(writer, index, CbWriteMode.Full);
            written[index >> 6] |= 1UL << (index & 63);
            runStart = SkipWhitespace(json, offset + TokenLength(slots[index], json[offset..]));
            if (runStart < json.Length && json[runStart] == (byte)',')
            {
                runStart = SkipWhitespace(json, runStart + 1);
            }
        }

        WriteRun(writer, json, runStart, TrimEndWhitespace(json, json.Length - 1), ref nameBuffer);
        return true;
    }

    /// <summary>Writes the members in <c>json[start..end]</c> (whole members, from a name) as one name and one raw value.</summary>
    private static void WriteRun(Utf8JsonWriter writer, ReadOnlySpan<byte> json, int start, int end, ref Span<byte> nameBuffer)
    {
        if (end <= start)
        {
            return;
        }

        var scanner = CbJsonScanner.InsideObject(json, start, afterValue: false);
        scanner.TryReadPropertyName(out ReadOnlySpan<byte> rawName, out bool escaped);
        scanner.PeekKind();
        writer.WritePropertyName(escaped ? UnescapeName(rawName, ref nameBuffer) : rawName);
        writer.WriteRawValue(json[scanner.Position..end], skipInputValidation: true);
    }

    /// <summary>The offset of the opening quote of the name of the member whose value starts at <paramref name="valueOffset"/>, or -1.</summary>
    private static int MemberNameStart(ReadOnlySpan<byte> json, int valueOffset)
    {
        int p = TrimEndWhitespace(json, valueOffset) - 1;
        if (p < 1 || json[p] != (byte)':')
        {
            return -1;
        }

        p = TrimEndWhitespace(json, p) - 1;
        if (p < 1 || json[p] != (byte)'"')
        {
            return -1;
        }

        // Inside a name every quote is escaped, so the first quote back not preceded by a backslash opens it.
        for (p--; p >= 1; p--)
        {
            if (json[p] == (byte)'"' && json[p - 1] != (byte)'\\')
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>The end of the member before the one named at <paramref name="nameStart"/> (before its comma), or just after <c>{</c>.</summary>
    private static int PreviousMemberEnd(ReadOnlySpan<byte> json, int nameStart)
    {
        int p = TrimEndWhitespace(json, nameStart);
        return p > 0 && json[p - 1] == (byte)',' ? TrimEndWhitespace(json, p - 1) : p;
    }

    /// <summary>Moves <paramref name="end"/> back over whitespace.</summary>
    private static int TrimEndWhitespace(ReadOnlySpan<byte> json, int end)
    {
        while (end > 0 && json[end - 1] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// Writes the document's members in document order: known fields from their slots (changed ones re-encoded,
    /// the rest copied), unknown members copied byte for byte.
    /// </summary>
    /// <remarks>
    /// No second structural scan of the document: the known fields' slots already say where their values are, so
    /// the writer only checks that the bytes between two known values are the plain <c>, "name": </c> of the next
    /// one. Only where they are not (unknown members, duplicates, escaped names) does it scan that gap.
    /// </remarks>
    private void WriteDocumentMembers(Utf8JsonWriter writer, CbWriteMode mode, IReadOnlyList<CbFieldInfo> fields, Span<ulong> written)
    {
        ReadOnlySpan<byte> json = _document.Span;
        Span<uint> slots = FieldSlots;
        int fieldCount = Math.Min(FieldCount, slots.Length);
        Span<long> order = fieldCount <= 256 ? stackalloc long[fieldCount] : new long[fieldCount];
        int present = 0;
        bool sorted = true;
        for (int index = 0; index < fieldCount; index++)
        {
            uint slot = slots[index];
            if (CbFieldSlot.Kind(slot) == CbJsonKind.None)
            {
                continue;
            }

            long key = ((long)CbFieldSlot.Offset(slot, _wideSlots) << 32) | (uint)index;
            sorted &= present == 0 || key > order[present - 1];
            order[present++] = key;
        }

        order = order[..present];
        if (!sorted)
        {
            order.Sort(); // the server sent the fields in another order than the spec's
        }

        Span<byte> nameBuffer = stackalloc byte[NameStackLimit];
        int position = 1; // just after the '{'
        foreach (long key in order)
        {
            int index = (int)(uint)key;
            int offset = (int)(key >> 32);
            JsonEncodedText name = GetJsonName(index);
            if (!IsPlainMemberStart(json, position, offset, position == 1, name.EncodedUtf8Bytes))
            {
                WriteUnknownMembers(writer, json, position, offset, mode, ref nameBuffer);
            }

            int end = offset + TokenLength(slots[index], json[offset..]);
            position = end;
            written[index >> 6] |= 1UL << (index & 63);
            if (!Includes(fields[index], mode))
            {
                continue;
            }

            if (IsChanged(index))
            {
                WriteFieldValue(writer, index, mode);
            }
            else if (mode != CbWriteMode.Changes)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(json[offset..end], skipInputValidation: true);
            }
        }

        WriteUnknownMembers(writer, json, position, int.MaxValue, mode, ref nameBuffer);
    }

    /// <summary>
    /// Copies the unknown members from <paramref name="position"/> (just after <c>{</c> or after a value) up to the
    /// member whose value starts at <paramref name="stopAt"/>, or to the end of the object. Earlier duplicates of a
    /// known field are dropped: reading kept the last occurrence, so writing does too.
    /// </summary>
    private void WriteUnknownMembers(Utf8JsonWriter writer, ReadOnlySpan<byte> json, int position, int stopAt, CbWriteMode mode, ref Span<byte> nameBuffer)
    {
        var scanner = CbJsonScanner.InsideObject(json, position, afterValue: position > 1);
        while (scanner.TryReadPropertyName(out ReadOnlySpan<byte> rawName, out bool escaped))
        {
            CbJsonValue value = scanner.ReadValue();
            if (value.Start >= stopAt)
            {
                return;
            }

            if (mode == CbWriteMode.Changes || FindFieldRaw(rawName, escaped) >= 0)
            {
                continue;
            }

            ReadOnlySpan<byte> name = escaped ? UnescapeName(rawName, ref nameBuffer) : rawName;
            writer.WritePropertyName(name);
            writer.WriteRawValue(json.Slice(value.Start, value.Length), skipInputValidation: true);
        }
    }

    /// <summary>True when the bytes from <paramref name="position"/> to <paramref name="valueOffset"/> are exactly
    /// <c>[,] "name" :</c> (with any whitespace): the next member is the known field itself.</summary>
    private static bool IsPlainMemberStart(ReadOnlySpan<byte> json, int position, int valueOffset, bool first, ReadOnlySpan<byte> name)
    {
        position = SkipWhitespace(json, position);
        if (!first)
        {
            if (position >= json.Length || json[position] != (byte)',')
            {
                return false;
            }

            position = SkipWhitespace(json, position + 1);
        }

        int nameEnd = position + 1 + name.Length;
        if (nameEnd >= valueOffset || json[position] != (byte)'"' || json[nameEnd] != (byte)'"'
            || !json.Slice(position + 1, name.Length).SequenceEqual(name))
        {
            return false;
        }

        position = SkipWhitespace(json, nameEnd + 1);
        return position < valueOffset && json[position] == (byte)':' && SkipWhitespace(json, position + 1) == valueOffset;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int position)
    {
        while (position < json.Length && json[position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            position++;
        }

        return position;
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
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract CbTypeInfo TypeDescription { get; }

    /// <summary>One packed <see cref="CbFieldSlot"/> per known field (an inline array in the generated type).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract Span<uint> FieldSlots { get; }

    /// <summary>The slot index of the field with this (unescaped) UTF-8 JSON name, or -1.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract int FindField(ReadOnlySpan<byte> utf8JsonName);

    /// <summary>
    /// The slot index of the member named <paramref name="utf8JsonName"/>, read right after the known field
    /// <paramref name="previous"/> (-1 at the start of the object), or -1. Generated code first tries the field that
    /// follows <paramref name="previous"/> in the spec (Cb sends a type's members in a stable order), then falls
    /// back to <see cref="FindField(ReadOnlySpan{byte})"/>.
    /// </summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual int FindFieldAfter(ReadOnlySpan<byte> utf8JsonName, int previous) => FindField(utf8JsonName);

    /// <summary>Every field's JSON name, pre-encoded, by slot (empty when not provided): the reader's expected-name fast path.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual ReadOnlySpan<JsonEncodedText> JsonNames => default;

    /// <summary>The fields' names as the separator-name-colon runs the reader expects between values (null: not provided).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual CbMemberPatterns? MemberPatterns => null;

    /// <summary>The field's JSON name, pre-encoded for writers (generated code returns a cached instance).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual JsonEncodedText GetJsonName(int index) => JsonEncodedText.Encode(TypeDescription.Fields[index].JsonName);

    /// <summary>Writes the field's name and its current (changed) value.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract void WriteFieldValue(Utf8JsonWriter writer, int index, CbWriteMode mode);

    /// <summary>True when a loaded nested object or list of them, kept by reference, was changed in place.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual bool HasChangedChild(int index) => false;

    /// <summary>The field's current value as text for URLs, keys and query templates (null when unset or not a scalar).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual string? FormatField(int index) => null;

    /// <summary>Called after a document was loaded (generated code forwards it to the <c>OnLoaded</c> partial hook).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void OnDocumentLoaded()
    {
    }

    // ---- what generated properties call ------------------------------------------------------------------

    /// <summary>How many fields the type declares.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected int FieldCount => TypeDescription.Fields.Count;

    /// <summary>True when the field's value has been decoded (or set) and cached.</summary>
    /// <remarks>For generated code. Acquire read: a reader that sees the bit also sees the cached value stored before it.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool IsLoaded(int index) =>
        index < 64 ? (Volatile.Read(ref _loaded) & (1UL << index)) != 0 : GetBit(LoadedWord, index);

    /// <summary>Marks the field's cached value as decoded (release write, after the value was stored).</summary>
    /// <remarks>For generated code. Two threads decoding different fields at once may lose one bit; that field is then decoded again, which is harmless.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
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
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool IsFieldDirty(int index) => GetBit(DirtyWord, index);

    /// <summary>Records that a setter stored a value: cached, and dirty unless it equals the document's value.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void MarkAssigned(int index, bool differsFromDocument, bool isNull)
    {
        SetBit(LoadedWord, index, true);
        SetBit(DirtyWord, index, differsFromDocument);
        SetBit(NullWord, index, isNull);
    }

    /// <summary>The field's raw JSON token in the document, and its kind (<see cref="CbJsonKind.None"/> when absent).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ReadOnlySpan<byte> GetRawToken(int index, out CbJsonKind kind) => GetRawTokenAt(FieldSlots[index], out kind);

    /// <summary>The raw JSON token a slot points at (generated properties pass their own slot: no virtual call).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ReadOnlySpan<byte> GetRawTokenAt(uint slot, out CbJsonKind kind)
    {
        kind = CbFieldSlot.Kind(slot);
        if (kind == CbJsonKind.None)
        {
            return default;
        }

        bool wide = _wideSlots;
        int offset = CbFieldSlot.Offset(slot, wide);
        int length = CbFieldSlot.Length(slot, wide);
        if (length >= 0 && _documentArray is { } array)
        {
            // The common case (a row of a page read from the network): one bounds check, no Memory.Span dispatch.
            return new ReadOnlySpan<byte>(array, _documentOffset + offset, length);
        }

        ReadOnlySpan<byte> rest = _document.Span[offset..];
        return rest[..(length >= 0 ? length : CbJsonScanner.MeasureToken(rest, kind))];
    }

    /// <summary>The length of the token a slot points at, <paramref name="rest"/> being the document from its offset.</summary>
    private int TokenLength(uint slot, ReadOnlySpan<byte> rest)
    {
        int length = CbFieldSlot.Length(slot, _wideSlots);
        return length >= 0 ? length : CbJsonScanner.MeasureToken(rest, CbFieldSlot.Kind(slot));
    }

    /// <summary>The field's raw JSON token as memory (nested values keep a slice instead of a copy).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected ReadOnlyMemory<byte> GetRawTokenMemory(int index, out CbJsonKind kind)
    {
        uint slot = FieldSlots[index];
        kind = CbFieldSlot.Kind(slot);
        if (kind == CbJsonKind.None)
        {
            return default;
        }

        ReadOnlyMemory<byte> rest = _document[CbFieldSlot.Offset(slot, _wideSlots)..];
        return rest[..TokenLength(slot, rest.Span)];
    }

    /// <summary>The value a setter stored for a value-type field (value types are not cached: they decode in nanoseconds).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected T GetAssigned<T>(int index) => (T)_assigned![index]!;

    /// <summary>Stores a value-type field's set value (boxed: setting is rare, reading rows is not).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void SetAssigned<T>(int index, T value) => (_assigned ??= new object?[FieldCount])[index] = value;

    /// <summary>The JSON kind the document used for the field (writers keep that shape).</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected CbJsonKind GetRawKind(int index) => CbFieldSlot.Kind(FieldSlots[index]);

    /// <summary>True when the field has a non-null value: a set value, or one in the document.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
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
