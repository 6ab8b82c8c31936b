Console.WriteLine("cbtyped: not built yet");
