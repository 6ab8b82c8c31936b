using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Tests.Query;

/// <summary>A document given as (field, value) pairs; the value's CLR type picks the sink overload.</summary>
internal sealed class TestDocument(params (string Field, object Value)[] fields) : ISearchDocument
{
    public void WriteFields(ISearchFieldSink sink)
    {
        foreach (var (field, value) in fields)
        {
            switch (value)
            {
                case string text:
                    sink.Add(field, text);
                    break;
                case int number:
                    sink.Add(field, (long)number);
                    break;
                case long number:
                    sink.Add(field, number);
                    break;
                case double real:
                    sink.Add(field, real);
                    break;
                case bool flag:
                    sink.Add(field, flag);
                    break;
                case DateTime date:
                    sink.Add(field, date);
                    break;
                case uint address:
                    sink.AddIPv4(field, address);
                    break;
                default:
                    throw new ArgumentException($"unsupported value type for {field}");
            }
        }
    }
}

/// <summary>A clock stopped at one instant, so relative dates (-2h) are deterministic.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
