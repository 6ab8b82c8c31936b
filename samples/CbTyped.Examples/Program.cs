// Placeholder until the seed walkthrough lands (issue 5).
Console.WriteLine("CbTyped examples: not built yet");
