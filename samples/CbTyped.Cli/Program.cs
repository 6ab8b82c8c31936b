using CbTyped.Cli;

// cbtyped: the command-line tool over the CbTyped SDK. docs/cli.md describes the commands and exit codes.
// This process is cbtyped's own: it may keep OpenSSL from reading a system trust store no connection uses.
CbTyped.Cli.Infrastructure.SystemTrustStore.AllowProcessWideChange();
// Redirected standard output (a file, a pipe) is buffered, as C's stdio buffers it: Console.Out writes through at every
// call, which for a --json export of 100k rows was several system calls per row. List commands flush whenever they wait
// for the next page, so a pipe's reader still sees rows as they arrive. A terminal keeps Console.Out.
var output = Console.IsOutputRedirected
    ? new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false }
    : Console.Out;
try
{
    return await CliApplication.RunAsync(args, output, Console.Error, errorIsTerminal: !Console.IsErrorRedirected,
        terminalWidth: TerminalWidth()).ConfigureAwait(false);
}
finally
{
    output.Flush();
}

// The width tables fit in when standard output is a terminal; null when it is redirected (plain lines).
static int? TerminalWidth()
{
    if (Console.IsOutputRedirected)
        return null;
    try
    {
        return Console.WindowWidth is > 0 and var width ? width : null;
    }
    catch (IOException)
    {
        return null;
    }
}
