using System.Runtime.CompilerServices;

// The query tests check the tokenisers directly against the query language's documented examples (docs/query-language.md).
[assembly: InternalsVisibleTo("CbTyped.Emulator.Tests")]
