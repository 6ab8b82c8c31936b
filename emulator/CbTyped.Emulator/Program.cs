// Placeholder entry point until the emulator lands (issue 4).
Console.WriteLine("CbTyped emulator: not built yet");
