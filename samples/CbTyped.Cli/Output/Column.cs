namespace CbTyped.Cli.Output;

/// <summary>One column of a table for people: a header and how to get the cell's text from a row.</summary>
internal sealed record Column<T>(string Header, Func<T, string?> Cell, bool AlignRight = false);
