using CbTyped.Cli;

// cbtyped: the command-line tool over the CbTyped SDK. docs/cli.md describes the commands and exit codes.
return await CliApplication.RunAsync(args, Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected).ConfigureAwait(false);
