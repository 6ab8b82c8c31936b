namespace CbTyped;

/// <summary>How a query turns a response body into rows and reads a member of a row (for client-side filters).</summary>
internal interface ICbRowCodec<TRow>
{
    /// <summary>The rows of a page (a search envelope or a bare array) and its total, when sent.</summary>
    /// <exception cref="CbServerException">The body is not the expected JSON; names method and path.</exception>
    (IReadOnlyList<TRow> Rows, long? Total) ReadPage(byte[] body, string method, string path);

    /// <summary>The raw JSON text of a row's member, or null when the row has none.</summary>
    string? RawField(TRow row, string jsonName);

    /// <summary>A whole body that is one object (a singleton such as <c>/api/info</c>) as a row.</summary>
    TRow ReadSingle(byte[] body, string method, string path);
}
