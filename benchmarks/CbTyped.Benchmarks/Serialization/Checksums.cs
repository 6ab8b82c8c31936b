using CbTyped.Benchmarks.Serialization.Models;
using static CbTyped.Benchmarks.Serialization.ChecksumTerms;

namespace CbTyped.Benchmarks.Serialization;

// Touch every property of a row so nothing is optimised away and every lazy field is decoded; both sides compute the
// same number, which the benchmarks' setup checks.

internal static class StjChecksum
{
    public static long All(StjProcess r) =>
        Len(r.Id) + Len(r.UniqueId) + (r.SegmentId ?? 0) + Len(r.ParentId) + Len(r.ParentUniqueId) + Len(r.ParentName)
        + (r.ParentPid ?? 0) + Len(r.ParentMd5) + Len(r.ProcessName) + (r.ProcessPid ?? 0) + Len(r.ProcessMd5) + Len(r.ProcessSha256)
        + Len(r.Path) + Len(r.Cmdline) + Len(r.Username) + Len(r.Hostname) + Len(r.Group) + (r.SensorId ?? 0) + Len(r.HostType)
        + Len(r.OsType) + T(r.Start) + T(r.LastUpdate) + T(r.LastServerUpdate) + T(r.MinLastUpdate) + T(r.MaxLastUpdate)
        + T(r.MinLastServerUpdate) + T(r.MaxLastServerUpdate) + B(r.Terminated) + (r.CommsIp ?? 0) + (r.InterfaceIp ?? 0)
        + (r.ModloadCount ?? 0) + (r.FilemodCount ?? 0) + (r.RegmodCount ?? 0) + (r.NetconnCount ?? 0) + (r.CrossprocCount ?? 0)
        + (r.ChildprocCount ?? 0) + (r.ProcessblockCount ?? 0) + (r.EmetCount ?? 0) + Len(r.EmetConfig) + B(r.FilteringKnownDlls)
        + (r.LogonType ?? 0) + Len(r.Uid) + (r.Watchlists is { } w ? w.Sum(h => Len(h.Wid) + T(h.Value)) : 0);
}

internal static class GeneratedChecksum
{
    public static long All(BenchProcess r) =>
        Len(r.Id) + Len(r.UniqueId) + (r.SegmentId ?? 0) + Len(r.ParentId) + Len(r.ParentUniqueId) + Len(r.ParentName)
        + (r.ParentPid ?? 0) + Len(r.ParentMd5) + Len(r.ProcessName) + (r.ProcessPid ?? 0) + Len(r.ProcessMd5) + Len(r.ProcessSha256)
        + Len(r.Path) + Len(r.Cmdline) + Len(r.Username) + Len(r.Hostname) + Len(r.Group) + (r.SensorId ?? 0) + Len(r.HostType)
        + Len(r.OsType) + T(r.Start) + T(r.LastUpdate) + T(r.LastServerUpdate) + T(r.MinLastUpdate) + T(r.MaxLastUpdate)
        + T(r.MinLastServerUpdate) + T(r.MaxLastServerUpdate) + B(r.Terminated) + (r.CommsIp ?? 0) + (r.InterfaceIp ?? 0)
        + (r.ModloadCount ?? 0) + (r.FilemodCount ?? 0) + (r.RegmodCount ?? 0) + (r.NetconnCount ?? 0) + (r.CrossprocCount ?? 0)
        + (r.ChildprocCount ?? 0) + (r.ProcessblockCount ?? 0) + (r.EmetCount ?? 0) + Len(r.EmetConfig) + B(r.FilteringKnownDlls)
        + (r.LogonType ?? 0) + Len(r.Uid) + (r.Watchlists is { } w ? w.Sum(h => Len(h.Wid) + T(h.Value)) : 0);
}

/// <summary>
/// The generated reader's cost by kind of value (serialization-profile's breakdown): the string fields, the number and
/// boolean fields, the timestamps and the watchlist tags (a list of nested objects on one row in five) of a row, each
/// read alone.
/// </summary>
internal static class GeneratedChecksumParts
{
    public static long Strings(BenchProcess r) =>
        Len(r.Id) + Len(r.UniqueId) + Len(r.ParentId) + Len(r.ParentUniqueId) + Len(r.ParentName) + Len(r.ParentMd5)
        + Len(r.ProcessName) + Len(r.ProcessMd5) + Len(r.ProcessSha256) + Len(r.Path) + Len(r.Cmdline) + Len(r.Username)
        + Len(r.Hostname) + Len(r.Group) + Len(r.HostType) + Len(r.OsType) + Len(r.EmetConfig) + Len(r.Uid);

    public static long Numbers(BenchProcess r) =>
        (r.SegmentId ?? 0) + (r.ParentPid ?? 0) + (r.ProcessPid ?? 0) + (r.SensorId ?? 0) + B(r.Terminated) + (r.CommsIp ?? 0)
        + (r.InterfaceIp ?? 0) + (r.ModloadCount ?? 0) + (r.FilemodCount ?? 0) + (r.RegmodCount ?? 0) + (r.NetconnCount ?? 0)
        + (r.CrossprocCount ?? 0) + (r.ChildprocCount ?? 0) + (r.ProcessblockCount ?? 0) + (r.EmetCount ?? 0)
        + B(r.FilteringKnownDlls) + (r.LogonType ?? 0);

    public static long Watchlists(BenchProcess r) =>
        r.Watchlists is { } w ? w.Sum(h => Len(h.Wid) + T(h.Value)) : 0;

    public static long Dates(BenchProcess r) =>
        T(r.Start) + T(r.LastUpdate) + T(r.LastServerUpdate) + T(r.MinLastUpdate) + T(r.MaxLastUpdate)
        + T(r.MinLastServerUpdate) + T(r.MaxLastServerUpdate);
}

/// <summary>How both checksums turn a value into a number (one definition, so the two sides cannot drift apart).</summary>
internal static class ChecksumTerms
{
    public static long Len(string? s) => s?.Length ?? 0;

    public static long T(DateTimeOffset? t) => t?.UtcTicks % 1_000_003 ?? 0;

    public static long B(bool? b) => b == true ? 1 : 0;
}
