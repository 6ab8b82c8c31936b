using CbTyped.Examples;

// The cbapi guide's Cb Response examples in C# (see ExamplesCommand for the options and Steps/ for each example).
return await ExamplesCommand.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
