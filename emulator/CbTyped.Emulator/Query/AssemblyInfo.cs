using System.Runtime.CompilerServices;

// The query tests check the tokenisers directly against the reference's examples.
[assembly: InternalsVisibleTo("CbTyped.Emulator.Tests")]
