using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A JSON event whose body is declared by a spec file (<c>events/CbTyped.Events/specs</c>) and read by the generated
/// reader into <see cref="Body"/>: typed properties, the members the spec does not name kept (and written back by
/// <see cref="CbJsonEvent.ToJson"/>), and joins to the REST models (<c>Body.GetSensorAsync()</c>, ...) through the
/// client the body is attached to (<see cref="Decoding.CbEventDecoderOptions.Client"/> or <see cref="Attach"/>).
/// </summary>
/// <typeparam name="TBody">The generated body model.</typeparam>
public abstract class CbJsonEvent<TBody> : CbJsonEvent
    where TBody : CbModel, ICbModel<TBody>
{
    /// <summary>Reads <paramref name="json"/>, the body of <paramref name="message"/>, and attaches it to <paramref name="client"/>.</summary>
    protected CbJsonEvent(CbBusMessage message, JsonElement json, ICbModelSession? client) : base(message, json)
    {
        ArgumentNullException.ThrowIfNull(message);
        Body = TBody.CreateInstance();
        Body.LoadJson(message.Body);
        Body.Client = client;
    }

    /// <summary>The body as the generated model: typed fields, unknown members kept, joins.</summary>
    public TBody Body { get; }

    /// <inheritdoc />
    protected override IReadOnlySet<string> TypedFields => ReadsDocuments ? BodyFields.NamesAndDocs : BodyFields.Names;

    /// <summary>True when the event reads <c>docs[]</c> into document models (so it is not an unknown field).</summary>
    protected virtual bool ReadsDocuments => false;

    /// <inheritdoc />
    public override void Attach(ICbModelSession? client) => Body.Client = client;

    /// <summary>Writes the body through the generated writer: every member as sent, unknown ones included.</summary>
    protected override void WriteObject(Utf8JsonWriter writer) => Body.WriteTo(writer);

    /// <summary>The JSON names the body model declares (the rest of the body is <see cref="CbJsonEvent.UnknownFields"/>).</summary>
    private static class BodyFields
    {
        public static readonly HashSet<string> Names = Read(withDocs: false);

        public static readonly HashSet<string> NamesAndDocs = Read(withDocs: true);

        private static HashSet<string> Read(bool withDocs)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in TBody.ModelInfo.Fields)
                names.Add(field.JsonName);
            if (withDocs)
                names.Add("docs");
            return names;
        }
    }
}
