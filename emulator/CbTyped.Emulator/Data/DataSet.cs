namespace CbTyped.Emulator.Data;

/// <summary>Builds the emulator's whole data set: the seed scenario, the generated bulk, and the binary store.</summary>
internal static class DataSet
{
    /// <summary>MD5 of the optional large binary (<see cref="CbEmulatorOptions.LargeBinarySize"/>).</summary>
    public const string LargeBinaryMd5 = "0B16F11E0B16F11E0B16F11E0B16F11E";

    public static EmulatorState Build(CbEmulatorOptions options)
    {
        var state = new EmulatorState(options);
        SeedScenario.Load(state);
        BulkGenerator.Generate(state, options.Processes, options.Seed);
        AddBinaries(state);
        return state;
    }

    /// <summary>One binary per image any process ran or loaded, with the hosts it was seen on.</summary>
    private static void AddBinaries(EmulatorState state)
    {
        var seenOn = new Dictionary<string, SortedSet<int>>(StringComparer.OrdinalIgnoreCase);
        void Seen(string md5, int sensorId)
        {
            if (!seenOn.TryGetValue(md5, out var sensors))
            {
                sensors = [];
                seenOn[md5] = sensors;
            }

            sensors.Add(sensorId);
        }

        foreach (var process in state.Processes)
        {
            Seen(process.Md5, process.SensorId);
            foreach (var load in process.Events.ModLoads)
            {
                Seen(load.Md5, process.SensorId);
            }
        }

        var added = new DateTime(2016, 10, 2, 3, 52, 34, 137, DateTimeKind.Utc);
        var index = 0;
        foreach (var image in ImageCatalog.All)
        {
            if (!seenOn.TryGetValue(image.Md5, out var sensors))
            {
                continue;
            }

            index++;
            var endpoints = sensors.Select(id => (state.Sensors[id].ComputerName, id)).ToArray();
            state.AddBinary(new BinaryRecord
            {
                Md5 = image.Md5.ToUpperInvariant(),
                OriginalFilename = image.FileName,
                ObservedFilenames = [image.Path],
                Size = 18_432 + (Convert.ToInt32(image.Md5[..6], 16) % 900_000),
                CompanyName = image.Company,
                ProductName = image.Product,
                ProductVersion = image.Version.Split(' ')[0],
                FileVersion = image.Version,
                FileDescription = image.Description,
                InternalName = image.FileName,
                LegalCopyright = image.Company.Length == 0 ? "" : "© " + image.Company + ". All rights reserved.",
                IsExecutableImage = image.Path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase),
                Is64Bit = !image.Path.Contains("(x86)", StringComparison.Ordinal),
                DigsigResult = image.DigsigResult,
                DigsigPublisher = image.DigsigResult == "Unsigned" ? null : image.Company,
                DigsigIssuer = image.SignTime is null ? null : image.Company == "Microsoft Corporation" ? "Microsoft Windows Production PCA 2011" : "DigiCert SHA2 Assured ID Code Signing CA",
                DigsigSubject = image.SignTime is null ? null : image.Company == "Microsoft Corporation" ? "Microsoft Windows" : image.Company,
                DigsigProgramName = image.SignTime is null ? null : image.Product,
                DigsigSignTime = image.SignTime,
                ServerAdded = added.AddMinutes(index * 7),
                LastSeen = added.AddDays(40).AddMinutes(index * 3),
                Endpoints = endpoints,
                ContentSeed = index,
            });
        }

        if (state.Options.LargeBinarySize > 0)
        {
            state.AddBinary(new BinaryRecord
            {
                Md5 = LargeBinaryMd5, OriginalFilename = "large-installer.exe", ObservedFilenames = [@"c:\users\public\downloads\large-installer.exe"],
                Size = state.Options.LargeBinarySize, CompanyName = "Example Corp", ProductName = "Large Installer",
                FileDescription = "A generated large binary for constant-memory download tests", DigsigResult = "Unsigned",
                ServerAdded = added.AddDays(1), LastSeen = added.AddDays(2), Endpoints = [(state.Sensors[4].ComputerName, 4)], ContentSeed = 9999,
            });
        }
    }
}
