using CbTyped.Cli;

// cbtyped: the command-line tool over the CbTyped SDK. docs/cli.md describes the commands and exit codes.
// This process is cbtyped's own: it may keep OpenSSL from reading a system trust store no connection uses.
CbTyped.Cli.Infrastructure.SystemTrustStore.AllowProcessWideChange();
return await CliApplication.RunAsync(args, Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected,
    terminalWidth: TerminalWidth()).ConfigureAwait(false);

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
