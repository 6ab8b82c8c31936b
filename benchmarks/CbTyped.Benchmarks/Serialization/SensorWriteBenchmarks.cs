using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CbTyped.Benchmarks.Serialization.Models;
using CbTyped.Modeling;

namespace CbTyped.Benchmarks.Serialization;

/// <summary>
/// Writing the PUT body of a sensor after changing one field (isolating it): the generated writer copies unchanged
/// and unknown members byte for byte and re-encodes the changed one; System.Text.Json serialises the whole POCO
/// (and, unlike the generated writer, drops the members its POCO does not declare).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet needs an unsealed class; the writer is disposed in GlobalCleanup.")]
public class SensorWriteBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private BenchSensor _generated = null!;
    private StjSensor _poco = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] json = BenchmarkData.Sensor();
        _generated = BenchSensor.ModelInfo.CreateNew();
        BenchSensor.ModelInfo.Populate(_generated, json);
        _generated.NetworkIsolationEnabled = true;
        // System.Text.Json cannot read the sensor's Postgres timestamps ("2018-02-06 12:44:33.883886-06:00"), so the
        // POCO is filled from the generated model: the same values, the serialiser only has to write them.
        BenchSensor g = _generated;
        _poco = new StjSensor
        {
            Id = g.Id, ComputerName = g.ComputerName, ComputerDnsName = g.ComputerDnsName, ComputerSid = g.ComputerSid,
            GroupId = g.GroupId, OsType = g.OsType, OsEnvironmentId = g.OsEnvironmentId,
            OsEnvironmentDisplayString = g.OsEnvironmentDisplayString, BuildId = g.BuildId, BuildVersionString = g.BuildVersionString,
            Status = g.Status, Uptime = g.Uptime, SensorUptime = g.SensorUptime, LastCheckinTime = g.LastCheckinTime,
            NextCheckinTime = g.NextCheckinTime, RegistrationTime = g.RegistrationTime, LastUpdate = g.LastUpdate,
            NetworkAdapters = g.NetworkAdapters, NetworkIsolationEnabled = true, IsIsolating = g.IsIsolating,
            SupportsIsolation = g.SupportsIsolation, SupportsCblr = g.SupportsCblr, RestartQueued = g.RestartQueued,
            Uninstall = g.Uninstall, Uninstalled = g.Uninstalled, EventLogFlushTime = g.EventLogFlushTime, Notes = g.Notes,
            SensorHealthStatus = g.SensorHealthStatus, SensorHealthMessage = g.SensorHealthMessage,
            NumEventlogBytes = g.NumEventlogBytes, NumStorefilesBytes = g.NumStorefilesBytes,
            SystemvolumeFreeSize = g.SystemvolumeFreeSize, PhysicalMemorySize = g.PhysicalMemorySize, BootId = g.BootId, Display = g.Display,
        };
        _writer = new Utf8JsonWriter(_buffer, CbJson.WriterOptions);
    }

    [Benchmark(Baseline = true, Description = "PUT body: STJ reflection")]
    public int WriteStjReflection()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _poco, ReflectionOptions);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "PUT body: STJ source-generated")]
    public int WriteStjSourceGenerated()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _poco, StjContext.Default.StjSensor);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "PUT body: CbTyped generated (dirty model)")]
    public int WriteGenerated()
    {
        Reset();
        BenchSensor.ModelInfo.Write(_writer, _generated, CbWriteMode.Full);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }
}
