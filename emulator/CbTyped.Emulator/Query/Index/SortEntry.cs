using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>A match's place in the sort: its first key (direction and missing values folded in) and ordinal.</summary>
internal readonly record struct SortEntry(long Key, int Ordinal, int Doc);
