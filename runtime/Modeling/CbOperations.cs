using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using CbTyped.Modeling.Json;

namespace CbTyped.Modeling;

/// <summary>
/// For generated code: the steps of a spec's operation — the session, the route for the server's version (or a typed
/// <see cref="CbUnsupportedServerException"/> before any request), route values, and the readers that turn an
/// answer into models or scalars through the models' generated readers (unknown members kept).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CbOperations
{
    /// <summary>The JSON literal <c>null</c>, for endpoints that want a JSON body and read nothing from it.</summary>
    public static ReadOnlyMemory<byte> JsonNull { get; } = "null"u8.ToArray();

    /// <summary>The session an instance operation sends through: the model's <see cref="CbModel.Client"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is not attached to a client that can send requests.</exception>
    public static ICbOperationSession SessionOf(CbModel model, string operation)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Client as ICbOperationSession
            ?? throw new InvalidOperationException(
                $"{operation} needs a client: get this {model.ModelDescription.Name} through a CbResponseClient (or set Client) first.");
    }

    /// <summary>The session a collection operation sends through.</summary>
    /// <exception cref="ArgumentException">The session cannot send requests (it is not a <c>CbResponseClient</c>).</exception>
    public static ICbOperationSession SessionOf(ICbModelSession client, string operation)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client as ICbOperationSession
            ?? throw new ArgumentException($"{operation} needs a session that can send requests, such as a CbResponseClient.", nameof(client));
    }

    /// <summary>The route variant for the server's version.</summary>
    /// <exception cref="CbUnsupportedServerException">No variant applies to the server's version (no request was sent).</exception>
    public static async Task<CbRoute> ResolveAsync(ICbOperationSession session, CbRouteSet routes, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(routes);
        var server = await session.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        return routes.Resolve(server.Version) ?? throw new CbUnsupportedServerException(operation, server.VersionText, Supported(routes));
    }

    /// <summary>A field's value for a route placeholder.</summary>
    /// <exception cref="InvalidOperationException">The field has no value.</exception>
    public static string FieldText(CbModel model, string jsonName, string operation)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetFieldText(jsonName)
            ?? throw new InvalidOperationException($"{operation} needs a value in {jsonName}; this {model.ModelDescription.Name} has none.");
    }

    /// <summary>Appends <c>name=value</c> to a path (with <c>?</c> or <c>&amp;</c>), both percent-encoded.</summary>
    public static string AppendQuery(string path, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
    }

    /// <summary>A path of one or more segments (<c>windows/exe</c>): each segment percent-encoded, the <c>/</c> between them kept.</summary>
    public static string EscapeSegments(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('/');
        for (var i = 0; i < parts.Length; i++)
            parts[i] = Uri.EscapeDataString(parts[i]);
        return string.Join('/', parts);
    }

    /// <summary>Writes a free-form JSON value of an operation's <c>json</c> or <c>members</c> parameter (null: the JSON literal <c>null</c>).</summary>
    public static void WriteJson(Utf8JsonWriter writer, System.Text.Json.Nodes.JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
            writer.WriteNullValue();
        else
            value.WriteTo(writer);
    }

    /// <summary>Text as the inside of a JSON string (quotes, backslashes and control characters escaped), for body templates.</summary>
    public static string JsonStringContent(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = JsonSerializerFreeQuote(value);
        return quoted[1..^1];
    }

    /// <summary>A value as a whole JSON value, for body templates: a JSON string (or <c>null</c>).</summary>
    public static string JsonValue(string? value) => value is null ? "null" : JsonSerializerFreeQuote(value);

    /// <inheritdoc cref="JsonValue(string)"/>
    public static string JsonValue(bool value) => value ? "true" : "false";

    /// <inheritdoc cref="JsonValue(string)"/>
    public static string JsonValue(long value) => Text(value);

    /// <inheritdoc cref="JsonValue(string)"/>
    public static string JsonValue(double value) => Text(value);

    /// <inheritdoc cref="JsonValue(string)"/>
    public static string JsonValue(bool? value) => value is { } v ? JsonValue(v) : "null";

    /// <inheritdoc cref="JsonValue(string)"/>
    public static string JsonValue(long? value) => value is { } v ? JsonValue(v) : "null";

    /// <inheritdoc cref="JsonValue(string)"/>
    public static string JsonValue(double? value) => value is { } v ? JsonValue(v) : "null";

    /// <inheritdoc cref="JsonValue(string)"/>
    public static string JsonValue(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return "[" + string.Join(",", values.Select(JsonSerializerFreeQuote)) + "]";
    }

    /// <inheritdoc cref="JsonValue(string)"/>
    public static string JsonValue(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return "[" + string.Join(",", values.Select(v => Text(v))) + "]";
    }

    private static string JsonSerializerFreeQuote(string value) => JsonEncodedTextQuote(JsonEncodedText.Encode(value, CbJson.WriterOptions.Encoder));

    private static string JsonEncodedTextQuote(JsonEncodedText text) => "\"" + text.Value + "\"";

    /// <summary>A number or boolean as the wire writes it (invariant culture, <c>true</c>/<c>false</c>).</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Text(long)"/>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Text(long)"/>
    public static string Text(bool value) => value ? "true" : "false";

    /// <summary>Checks required-on-create fields before a create-shaped body is sent.</summary>
    /// <exception cref="CbInvalidObjectException">Required fields are missing (no request was sent).</exception>
    public static void RequireCreatable(CbModel model, string operation)
    {
        ArgumentNullException.ThrowIfNull(model);
        var missing = model.MissingRequiredFields();
        if (missing.Count > 0)
            throw new CbInvalidObjectException($"Missing fields: [{string.Join(", ", missing)}] (cannot run {operation})");
    }

    /// <summary>Loads the answer (one object, a one-element array or a one-row envelope) into <paramref name="model"/>.</summary>
    public static void Load(CbModel model, byte[] body, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        CbModelJson.Load(model, CbSingleObject.Extract(body, method, path, model.ModelDescription.Name), method, path);
    }

    /// <summary>The answer as one new model attached to <paramref name="session"/>.</summary>
    public static T ReadModel<T>(ICbModelSession session, byte[] body, string method, string path)
        where T : CbModel, ICbModel<T>
    {
        var model = T.ModelInfo.CreateNew();
        model.Client = session;
        Load(model, body, method, path);
        return model;
    }

    /// <summary>The answer (a JSON array, or a search envelope's <c>results</c>) as models; an empty answer is an empty list.</summary>
    public static IReadOnlyList<T> ReadList<T>(ICbModelSession session, byte[] body, string method, string path)
        where T : CbModel, ICbModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            return [];
        var page = CbRowPage.Parse(body, method, path);
        var models = new List<T>(page.Rows.Count);
        foreach (var row in page.Rows)
        {
            var model = T.ModelInfo.CreateNew();
            model.Client = session;
            CbModelJson.Load(model, row, method, path);
            models.Add(model);
        }
        return models;
    }

    /// <summary>
    /// The answer, a JSON object keyed by name whose values are models (storage partitions), as a list in ordinal name
    /// order; members that are not objects are skipped. An empty answer is an empty list.
    /// </summary>
    public static IReadOnlyList<T> ReadMap<T>(ICbModelSession session, byte[] body, string method, string path)
        where T : CbModel, ICbModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            return [];
        var entries = new List<KeyValuePair<string, T>>();
        try
        {
            var scanner = new CbJsonScanner(body);
            if (scanner.PeekKind() != CbJsonKind.Object)
                throw new CbJsonException("Expected a JSON object keyed by name.");
            scanner.ReadStartObject();
            while (scanner.TryReadPropertyName(out var rawName, out var escaped))
            {
                var name = escaped ? CbStringDecoder.DecodeEscaped(rawName) : CbStringDecoder.Decode(rawName);
                if (scanner.PeekKind() != CbJsonKind.Object)
                {
                    scanner.ReadValue();
                    continue;
                }
                var model = T.ModelInfo.CreateNew();
                model.Client = session;
                model.LoadJson(body, ref scanner);
                entries.Add(new(name, model));
            }
        }
        catch (CbJsonException e)
        {
            throw CbModelJson.ParseError(e, body, method, path);
        }
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var models = new T[entries.Count];
        for (var i = 0; i < models.Length; i++)
            models[i] = entries[i].Value;
        return models;
    }

    /// <summary>The answer as text: a JSON string's value, a number's or boolean's JSON text; null for an empty answer or <c>null</c>.</summary>
    public static string? ReadString(byte[] body, string method, string path)
    {
        var reader = ScalarReader(body, method, path, out var empty);
        if (empty || reader.TokenType == JsonTokenType.Null)
            return null;
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw NotScalar(body, method, path, "a text"),
        };
    }

    /// <summary>The answer as a whole number (a JSON number or a numeric string); null for an empty answer or <c>null</c>.</summary>
    public static long? ReadInt64(byte[] body, string method, string path)
    {
        var text = ReadString(body, method, path);
        if (text is null)
            return null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw NotScalar(body, method, path, "a whole number");
    }

    /// <inheritdoc cref="ReadInt64"/>
    public static int? ReadInt32(byte[] body, string method, string path) =>
        ReadInt64(body, method, path) is { } value
            ? value is >= int.MinValue and <= int.MaxValue ? (int)value : throw NotScalar(body, method, path, "a 32-bit whole number")
            : null;

    /// <summary>The answer as a number; null for an empty answer or <c>null</c>.</summary>
    public static double? ReadDouble(byte[] body, string method, string path)
    {
        var text = ReadString(body, method, path);
        if (text is null)
            return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw NotScalar(body, method, path, "a number");
    }

    /// <summary>The answer as a boolean (<c>true</c>/<c>false</c>, also as strings); null for an empty answer or <c>null</c>.</summary>
    public static bool? ReadBoolean(byte[] body, string method, string path) =>
        ReadString(body, method, path) switch
        {
            null => null,
            "true" or "True" => true,
            "false" or "False" => false,
            _ => throw NotScalar(body, method, path, "true or false"),
        };

    /// <summary>Runs an operation synchronously (on the thread pool, so it cannot deadlock on a synchronization context).</summary>
    public static T Run<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken) => CbSync.Run(operation, cancellationToken);

    /// <inheritdoc cref="Run{T}"/>
    public static void Run(Func<CancellationToken, Task> operation, CancellationToken cancellationToken) => CbSync.Run(operation, cancellationToken);

    private static Utf8JsonReader ScalarReader(byte[] body, string method, string path, out bool empty)
    {
        ArgumentNullException.ThrowIfNull(body);
        empty = body.AsSpan().Trim(" \t\r\n"u8).IsEmpty;
        var reader = new Utf8JsonReader(body);
        if (empty)
            return reader;
        try
        {
            reader.Read();
        }
        catch (JsonException e)
        {
            throw CbModelJson.ParseError(e, body, method, path);
        }
        return reader;
    }

    private static CbServerException NotScalar(byte[] body, string method, string path, string expected) =>
        new($"Expected {expected} from {method} {path}, but the server sent something else.", 200, CbErrorMapper.BodyText(body), method, path);

    /// <summary>"version 6.0 or newer", "version 5.99 or older", "versions 5.1 to 5.99", joined with "or".</summary>
    private static string Supported(CbRouteSet routes)
    {
        var parts = new List<string>(routes.Variants.Count);
        foreach (var route in routes.Variants)
        {
            parts.Add((route.MinServerVersion, route.MaxServerVersion) switch
            {
                ({ } min, { } max) => $"versions {min} to {max}",
                ({ } min, null) => $"version {min} or newer",
                (null, { } max) => $"version {max} or older",
                _ => "any version",
            });
        }
        return string.Join(" or ", parts);
    }
}
