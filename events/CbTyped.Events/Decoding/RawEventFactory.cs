using System.Globalization;
using System.Text;
using CbTyped.Events.Protobuf;
using CbTyped.Events.RawEvents;

namespace CbTyped.Events.Decoding;

/// <summary>Turns a parsed <c>CbEventMsg</c> into the typed event of its kind, and finds its sensor.</summary>
internal static class RawEventFactory
{
    public static CbRawSensorEvent Create(CbBusMessage message, CbEventMsg raw, CbSensorEnvironment headerSensor, CbEventDecoderOptions options, bool bundleRecord = false)
    {
        var sensor = raw.Env?.Endpoint is { } endpoint
            ? new CbSensorEnvironment(endpoint.HasSensorId ? endpoint.SensorId : headerSensor.SensorId,
                endpoint.HasSensorHostName ? endpoint.SensorHostName : headerSensor.ComputerName,
                endpoint.HasHostId ? endpoint.HostId : headerSensor.HostId,
                raw.Env.Server?.NodeId ?? headerSensor.NodeId)
            : headerSensor;
        // The forwarder's order of precedence when testing which sub-message is set.
        CbRawSensorEvent evt = raw switch
        {
            { Process: not null } => new CbProcessEvent(message, raw, sensor, options),
            { Modload: not null } => new CbModuleLoadEvent(message, raw, sensor, options),
            { Filemod: not null } => new CbFileModEvent(message, raw, sensor, options),
            { Networkv2: not null } or { Network: not null } => new CbNetConnEvent(message, raw, sensor, options),
            { Regmod: not null } => new CbRegModEvent(message, raw, sensor, options),
            { Childproc: not null } => new CbChildProcessEvent(message, raw, sensor, options),
            { Crossproc: not null } => new CbCrossProcessEvent(message, raw, sensor, options),
            { Emet: not null } => new CbEmetMitigationEvent(message, raw, sensor, options),
            { Scriptexe: not null } => new CbScriptExecuteEvent(message, raw, sensor, options),
            { TamperAlert: not null } => new CbTamperEvent(message, raw, sensor, options),
            { Blocked: not null } => new CbProcessBlockedEvent(message, raw, sensor, options),
            { Module: not null } => new CbModuleInfoEvent(message, raw, sensor, options),
            _ => new CbOtherSensorEvent(message, raw, sensor, options),
        };
        evt.IsBundleRecord = bundleRecord;
        return evt;
    }

    /// <summary>
    /// The sensor named by a bundle's AMQP headers. Integers may come as any AMQP integer or as decimal text; the
    /// host name as a long string (bytes). A header of another type is ignored rather than trusted.
    /// </summary>
    public static CbSensorEnvironment FromHeaders(IReadOnlyDictionary<string, object?>? headers)
    {
        if (headers is null || headers.Count == 0)
            return CbSensorEnvironment.Unknown;
        var sensor = Integer(headers, "sensorId");
        var host = headers.TryGetValue("sensorHostName", out var name) ? name switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            _ => "",
        } : "";
        return new CbSensorEnvironment(sensor is { } s and >= int.MinValue and <= uint.MaxValue ? unchecked((int)s) : null,
            host, Integer(headers, "hostId") ?? 0, (int)(Integer(headers, "nodeId") is { } n and >= int.MinValue and <= int.MaxValue ? n : 0));
    }

    private static long? Integer(IReadOnlyDictionary<string, object?> headers, string key) =>
        headers.TryGetValue(key, out var value) ? value switch
        {
            long l => l,
            int i => i,
            short s => s,
            uint u => u,
            byte[] text when long.TryParse(Encoding.ASCII.GetString(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;
}
