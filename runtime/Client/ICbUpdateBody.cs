using System.Text.Json;

namespace CbTyped;

/// <summary>
/// Implemented (in a hand-written partial) by a model whose update is not "PUT the whole document": when
/// <see cref="CbResponseClient.SaveAsync{T}"/> updates such a model it sends what <see cref="WriteUpdateBody"/>
/// writes instead of the full document. Everything else about the save stays the same: nothing is sent when nothing
/// changed, the <c>Updating X with unique ID k</c> log line, the update route, and the refresh after a 204.
/// Example: Cb Response 7.1+ accepts only six fields in a sensor PUT.
/// </summary>
public interface ICbUpdateBody
{
    /// <summary>Writes the update body (one JSON value, usually an object) for a server of this version.</summary>
    /// <param name="writer">Where the body goes.</param>
    /// <param name="server">The server's version and flags.</param>
    /// <param name="changedFields">
    /// The JSON names of the fields the caller changed before saving. Taken before the save loads a partial object
    /// whole, so it still names the changes after that load has made them part of the document.
    /// </param>
    void WriteUpdateBody(Utf8JsonWriter writer, CbServerInfo server, IReadOnlyCollection<string> changedFields);

    /// <summary>
    /// The JSON names of the fields whose current values the body sends. A partial object (a search row) whose
    /// document has each of them, or whose caller set them, is saved as it is, as cbapi does; otherwise the save
    /// loads it whole first. Null (the default): a partial object is always loaded whole first.
    /// </summary>
    IReadOnlyCollection<string>? UpdateBodySources => null;
}
