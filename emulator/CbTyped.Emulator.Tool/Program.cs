using CbTyped.Emulator;

// cbtyped-emulator: the emulator as a server until Ctrl-C or SIGTERM (the options are CbEmulatorCommandLine's).
return await CbEmulatorCommandLine.RunAsync(args).ConfigureAwait(false);
