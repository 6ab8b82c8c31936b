using System.Buffers;
using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class IngressFilter
{
    /// <summary>
    /// Creates the filter: the server wants the POST body as an array of one filter
    /// (<c>POST /api/v1/ingress_whitelist</c> with <c>[{…}]</c>) and answers a list of ids; the first becomes
    /// <see cref="Id"/> and the filter is reloaded. <see cref="Id"/> (a client-chosen string such as a UUID),
    /// <see cref="Name"/> and <see cref="Description"/> are required.
    /// </summary>
    /// <exception cref="CbInvalidObjectException">A required field is missing.</exception>
    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        var missing = MissingRequiredFields();
        if (missing.Count > 0)
            throw new CbInvalidObjectException("Missing fields: [" + string.Join(", ", missing) + "]");
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CbJson.WriterOptions))
        {
            writer.WriteStartArray();
            WriteTo(writer, CbWriteMode.Create);
            writer.WriteEndArray();
        }

        var client = this.RequireResponseClient();
        using var answer = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/ingress_whitelist", buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        if (answer is { RootElement.ValueKind: JsonValueKind.Array } ids && ids.RootElement.GetArrayLength() > 0)
            Id = ids.RootElement[0].ToString();
        await RequireClient().RefreshAsync(this, cancellationToken).ConfigureAwait(false);
    }
}
