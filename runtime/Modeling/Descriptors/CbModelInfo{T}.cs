using System.ComponentModel;
using System.Text.Json;

namespace CbTyped.Modeling;

/// <summary>A model's description plus the delegates the runtime calls; emitted as the model's static <c>ModelInfo</c>.</summary>
/// <typeparam name="T">The generated model.</typeparam>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbModelInfo<T> : CbModelInfo
    where T : CbModel, ICbModel<T>
{
    private readonly Func<T, string?> _getKey;

    /// <summary>Describes a model. <paramref name="getKey"/> returns the key string (parts joined with <c>/</c>) or null when unset.</summary>
    public CbModelInfo(
        string name,
        CbKeyInfo key,
        CbRoutes routes,
        CbQueryInfo query,
        IReadOnlyList<CbFieldInfo> fields,
        IReadOnlyList<CbJoinInfo> joins,
        Func<T, string?> getKey)
        : base(name, key, routes, query, fields, joins)
    {
        _getKey = getKey;
    }

    /// <summary>A new, empty instance (<see cref="CbModel.IsNew"/> is true).</summary>
    public T CreateNew() => T.CreateInstance();

    /// <summary>Replaces <paramref name="target"/>'s data with one JSON object (a one-element array is unwrapped).
    /// The instance keeps <paramref name="utf8JsonObject"/> (no copy) and decodes fields on first use.</summary>
    public void Populate(T target, ReadOnlyMemory<byte> utf8JsonObject)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.LoadJson(utf8JsonObject);
    }

    /// <summary>Writes <paramref name="model"/> as a request body (see <see cref="CbWriteMode"/>).</summary>
    public void Write(Utf8JsonWriter writer, T model, CbWriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.WriteTo(writer, mode);
    }

    /// <summary>The model's key string (normalised; composite parts joined with <c>/</c>), or null when not set.</summary>
    public string? GetKey(T model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string? key = _getKey(model);
        return key is null ? null : NormalizeKey(key);
    }

    /// <summary>
    /// An instance that knows only its key (no I/O): <see cref="CbModel.IsFull"/> is false, so the runtime
    /// fetches it on first need. Key parts are stored as JSON strings; the readers accept strings for numeric ids.
    /// </summary>
    public T CreateReference(string key)
    {
        IReadOnlyList<string> parts = Key.Split(NormalizeKey(key));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, CbJson.WriterOptions))
        {
            writer.WriteStartObject();
            for (int i = 0; i < parts.Count; i++)
            {
                writer.WriteString(Key.Fields[i], parts[i]);
            }

            writer.WriteEndObject();
        }

        T model = CreateNew();
        model.LoadJson(buffer.WrittenMemory.ToArray());
        model.IsFull = false;
        return model;
    }
}
