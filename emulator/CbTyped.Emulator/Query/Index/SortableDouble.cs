using System.Globalization;
using CbTyped.Emulator.Query.Analysis;
using CbTyped.Emulator.Query.Schema;

namespace CbTyped.Emulator.Query.Index;

/// <summary>Maps doubles to longs whose order is the doubles' order, so one numeric path serves both.</summary>
internal static class SortableDouble
{
    public static long ToLong(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return bits < 0 ? bits ^ long.MaxValue : bits;
    }
}
