using System.Globalization;
using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Scripts;

/// <summary>
/// cbapi's text rendering of a model object (<c>str(obj)</c> of its <c>NewBaseModel</c>), which the
/// <c>*_operations</c> examples print: the class name and server, a rule, then every member of the object's document
/// sorted by name, each as <c>name : value</c> with Python's <c>str()</c> of the value cut to 50 characters.
/// </summary>
public static class CbapiText
{
    /// <summary>
    /// Renders <paramref name="model"/> as cbapi does for an object bound to <paramref name="server"/> (the URL the
    /// client was given, without its trailing slash). A field changed since the document was loaded is marked
    /// <c>(*)</c>, one the document did not have <c>(+)</c>. cbapi's "Last refreshed at" line (the time of the last
    /// GET by id) is left out: the port's objects come from lists, which cbapi never marks refreshed either.
    /// </summary>
    public static string Of(CbModel model, Uri server)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(server);
        var lines = new List<string> { $"{model.GetType().Name} object, bound to {server.ToString().TrimEnd('/')}." };
        if (!model.IsFull && !model.IsNew)
            lines.Add(" Partially initialized. Use .refresh() to load all attributes");
        lines.Add(new string('-', 79));
        lines.Add("");

        using var document = JsonDocument.Parse(model.ToUtf8Json(CbWriteMode.Full));
        // Python sorts the names by code point, as ordinal comparison does.
        foreach (var member in document.RootElement.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var status = !model.IsFieldDirty(member.Name) ? "   "
                : model.IsNew || !model.HasDocumentValue(member.Name) ? "(+)" : "(*)";
            var value = PythonText.Of(member.Value);
            if (value.Length > 50)
                value = value[..47] + "...";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{status} {member.Name,20}: {value}"));
        }
        return string.Join('\n', lines);
    }

    /// <summary>cbapi's <c>action.type</c> of a watchlist or feed action: its name for the <c>action_type</c> number.</summary>
    public static string ActionName(CbTyped.Response.ActionType type) => type switch
    {
        CbTyped.Response.ActionType.Email => "email",
        CbTyped.Response.ActionType.Syslog => "syslog",
        CbTyped.Response.ActionType.HttpPost => "http_post",
        CbTyped.Response.ActionType.Alert => "alert",
        _ => "unknown",
    };
}
