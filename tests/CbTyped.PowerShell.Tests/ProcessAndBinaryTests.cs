namespace CbTyped.PowerShell.Tests;

/// <summary>Process searches, parents, events, binaries and downloads, alone and in pipelines.</summary>
public sealed class ProcessAndBinaryTests
{
    private const string NetExe = @"process_name:net.exe cmdline:\\test\blah";

    [Fact]
    public async Task GetCbProcessWritesTypedProcessesAndHonoursFirstAndCount()
    {
        await using var session = await ModuleSession.StartAsync();

        var processes = session.Objects("Get-CbProcess -Query $args[0]", NetExe).Cast<Response.Process>().ToList();
        Assert.Equal([@"net  use y: \\test\blah", @"net  use z: \\test\blah"], processes.Select(p => p.Cmdline));

        Assert.Single(session.Objects("Get-CbProcess -Query $args[0] -First 1", NetExe));
        Assert.Equal(2L, session.Objects("Get-CbProcess -Query $args[0] -Count", NetExe).Single());
        // -IncludeTotalCount writes the server's total first (a ulong), then the rows -First allows (none here).
        var total = session.Run("Get-CbProcess -Query $args[0] -IncludeTotalCount -First 0", NetExe).Output.Single();
        Assert.Equal(2UL, total.BaseObject);
    }

    [Fact]
    public async Task ParentsComeNearestFirstWithTheirDepthAndTheSecondWalkSendsNoRequest()
    {
        await using var session = await ModuleSession.StartAsync();
        session.Run("$script:p = Get-CbProcess -Query $args[0] -First 1", NetExe);

        var first = session.Objects("$p | Get-CbProcessParent | ForEach-Object { '{0} {1}' -f $_.Depth, $_.ProcessName.ToLowerInvariant() }");
        var before = (await session.SettledRequestsAsync()).Count;
        var second = session.Objects("$p | Get-CbProcessParent | ForEach-Object { '{0} {1}' -f $_.Depth, $_.ProcessName.ToLowerInvariant() }");

        Assert.Equal(8, first.Count);
        Assert.Equal("0 cmd.exe", first[0]);
        Assert.Equal("7 ntoskrnl.exe", first[7]);
        Assert.Equal(first, second);
        Assert.Equal(before, (await session.SettledRequestsAsync()).Count);
        Assert.Equal(["1 cmd.exe", "2 explorer.exe"], session.Objects("$p | Get-CbProcessParent -MaxDepth 2 | ForEach-Object { '{0} {1}' -f ($_.Depth + 1), $_.ProcessName.ToLowerInvariant() }"));
    }

    [Fact]
    public async Task ProcessEventsAreDecodedAndFilteredByType()
    {
        await using var session = await ModuleSession.StartAsync();

        var all = session.Objects("Get-CbProcess -Query $args[0] -First 1 | Get-CbProcessEvent", NetExe).Cast<Response.ProcessEvent>().ToList();
        var modloads = session.Objects("Get-CbProcess -Query $args[0] -First 1 | Get-CbProcessEvent -Type modload", NetExe).Cast<Response.ProcessEvent>().ToList();

        Assert.NotEmpty(all);
        Assert.NotEmpty(modloads);
        Assert.All(modloads, e => Assert.Equal("modload", e.EventType));
        Assert.True(all.Count > modloads.Count);
    }

    [Fact]
    public async Task ProcessesPipeIntoTheirBinariesAndEachFileIsSavedOnce()
    {
        await using var session = await ModuleSession.StartAsync();
        var folder = Directory.CreateTempSubdirectory("cbtyped-pwsh-bin").FullName;

        // Both net.exe processes share one binary: it is written once, downloaded once.
        var binaries = session.Objects("Get-CbProcess -Query $args[0] | Get-CbBinary", NetExe).Cast<Response.Binary>().ToList();
        var files = session.Objects("Get-CbProcess -Query $args[0] | Get-CbBinary | Save-CbBinaryFile -Path $args[1]", NetExe, folder).Cast<FileInfo>().ToList();

        Assert.Equal("79B6D4C5283FC806387C55B8D7C8B762", Assert.Single(binaries).Md5);
        var file = Assert.Single(files);
        Assert.Equal(folder, file.DirectoryName);
        Assert.Equal("MZ"u8.ToArray(), File.ReadAllBytes(file.FullName)[..2]);
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }

    [Fact]
    public async Task ADownloadWritesProgressWhileItRunsAndCompletesIt()
    {
        await using var session = await ModuleSession.StartAsync();
        var folder = Directory.CreateTempSubdirectory("cbtyped-pwsh-bin").FullName;
        session.Run("$script:b = Get-CbBinary 7FB55F5A62E78AF9B58D08AAEEAEF848");
        // The download's response is held for a second: progress is written while the cmdlet waits.
        session.Emulator.Emulator.Faults.FailNext(Emulator.Faults.EmulatorFault.Slow(TimeSpan.FromSeconds(1)), pathPrefix: "/api/v1/binary/");

        var result = session.Run("$b | Save-CbBinaryFile -Path $args[0]", folder);

        Assert.Single(result.Output);
        var progress = result.Progress.Where(p => p.Activity == "Downloading binary 7FB55F5A62E78AF9B58D08AAEEAEF848").ToList();
        Assert.True(progress.Count >= 2, "progress records: " + progress.Count);
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
    }

    [Fact]
    public async Task SavingOverAnExistingFileNeedsForce()
    {
        await using var session = await ModuleSession.StartAsync();
        var target = Path.Combine(Directory.CreateTempSubdirectory("cbtyped-pwsh-bin").FullName, "copy.exe");
        await File.WriteAllTextAsync(target, "keep me");

        var refused = session.Run("Save-CbBinaryFile -Md5 7FB55F5A62E78AF9B58D08AAEEAEF848 -Path $args[0]", target);
        Assert.Equal(ErrorCategory.WriteError, Assert.Single(refused.Errors).CategoryInfo.Category);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));

        session.Run("Save-CbBinaryFile -Md5 7FB55F5A62E78AF9B58D08AAEEAEF848 -Path $args[0] -Force", target);
        Assert.Equal("MZ"u8.ToArray(), File.ReadAllBytes(target)[..2]);
    }

    [Fact]
    public async Task AnUnknownMd5IsANonTerminatingObjectNotFoundErrorAndTheRestOfTheInputGoesOn()
    {
        await using var session = await ModuleSession.StartAsync();
        const string unknown = "00000000000000000000000000000000";

        var result = session.Run("$args | Get-CbBinary", unknown, "7FB55F5A62E78AF9B58D08AAEEAEF848");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(unknown, error.TargetObject);
        Assert.Equal("CbTyped.ObjectNotFound,CbTyped.PowerShell.GetCbBinaryCommand", error.FullyQualifiedErrorId);
        Assert.Equal("7FB55F5A62E78AF9B58D08AAEEAEF848", ((Response.Binary)Assert.Single(result.Output).BaseObject).Md5);
    }

    [Fact]
    public async Task ABadQueryIsAnInvalidArgumentError()
    {
        await using var session = await ModuleSession.StartAsync();

        var result = session.Run("Get-CbProcess -Query 'process_name:(net.exe'");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("process_name:(net.exe", error.TargetObject);
    }

    [Fact]
    public async Task CtrlCStopsASlowSearchPromptly()
    {
        await using var session = await ModuleSession.StartAsync();
        session.Emulator.Emulator.Faults.FailNext(Emulator.Faults.EmulatorFault.Slow(TimeSpan.FromSeconds(60)), pathPrefix: "/api/v1/process");
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = session.Runspace;
        ps.AddScript("Get-CbProcess -Query 'process_name:net.exe'");

        var started = DateTime.UtcNow;
        var running = ps.BeginInvoke();
        // The search waits 60 s in the emulator; a second in, the user presses Ctrl-C.
        await Task.Delay(TimeSpan.FromSeconds(1));
        ps.Stop();

        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
    }
}
