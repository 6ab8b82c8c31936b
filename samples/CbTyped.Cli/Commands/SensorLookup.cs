using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary>
/// A sensor named on the command line by id (<c>4</c>) or host name (<c>HOSTNAME</c>, any case). A host name must
/// match one sensor's exactly: none is "not found" (exit 5); several (a reinstalled endpoint keeps its name under a
/// new id) is exit 10, listing each match so the user can pick its id.
/// </summary>
internal static class SensorLookup
{
    public static Argument<string> Argument() =>
        new("sensor") { Description = "The sensor (endpoint): its id or its host name, as 'cbtyped sensor list' shows them." };

    public static async Task<Sensor> ResolveAsync(CommandContext context, string idOrHostname)
    {
        var text = idOrHostname.Trim();
        if (text.Length == 0)
            throw new CliUsageException("the sensor is empty; give its id or host name.");
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return await context.GetOrNotFoundAsync<Sensor>(id.ToString(CultureInfo.InvariantCulture), "sensor").ConfigureAwait(false);

        // The server's filter is a substring match (case-sensitive on some versions): ask for every sensor and compare
        // here, so "hostname" finds HOSTNAME and WIN7 does not pick WIN7-HYPERV-2.
        var matches = new List<Sensor>();
        await foreach (var sensor in context.Client.Select<Sensor>().WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(sensor.ComputerName, text, StringComparison.OrdinalIgnoreCase))
                matches.Add(sensor);
        }
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliNotFoundException($"no sensor has the host name {Printable.Quote(text)} (see 'cbtyped sensor list')."),
            _ => throw new CliAmbiguousException(
                $"{matches.Count} sensors have the host name {Printable.Quote(text)}; name one by id: " +
                string.Join("; ", matches.Select(s =>
                    $"{Formats.Number(s.Id)} ({s.GetFieldText("status") ?? "status unknown"}, last check-in {Formats.Date(s.LastCheckinTime) ?? "never"})"))),
        };
    }
}
