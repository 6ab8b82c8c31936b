#!/usr/bin/env dotnet
// Port of cbapi-python's examples/response/user_operations.py: list users and teams, add a user or a team, delete a
// user.
//   dotnet run samples/scripts/user_operations.cs -- --cburl https://cb.example.com --apitoken TOKEN list
//   dotnet run samples/scripts/user_operations.cs -- ... add -u jdoe -f John -l Doe -e jdoe@example.com -p PW -t TEAM
#:project ExampleHelpers/ExampleHelpers.csproj
using CbTyped;
using CbTyped.Response;
using CbTyped.Scripts;

// -A is --global-admin for add and --administrator for add-team, as in cbapi's per-command parsers.
if (args.Contains("add-team"))
    args = [.. args.Select(a => a == "-A" ? "--administrator" : a)];
var options = new ExampleArguments("Cb Example Script")
    .Command("list", "List all configured users")
    .Command("list-teams", "List all configured user teams")
    .Command("add", "Add new user")
    .Command("add-team", "Add new team")
    .Command("delete", "Delete user")
    .Option("--username", "-u", help: "New user's username (add); name of user to delete (delete)")
    .Option("--first-name", "-f", help: "First name (add)")
    .Option("--last-name", "-l", help: "Last name (add)")
    .Option("--password", "-p", help: "Password - if not specified, prompt at runtime (add)")
    .Option("--email", "-e", help: "Email address (add)")
    .Flag("--global-admin", "-A", help: "Make new user global admin (add)")
    .Option("--team", "-t", help: "Add new user to this team (can specify multiple teams) (add)")
    .Option("--name", "-N", help: "Name of the new team (add-team)")
    .Option("--administrator", help: "-A: Add administrator rights to the given sensor group (add-team, repeatable)")
    .Option("--viewer", "-V", help: "Add viewer rights to the given sensor group (add-team, repeatable)")
    .Parse(args);
var command = options.CommandName;
string[] requiredForAdd = ["--username", "--first-name", "--last-name", "--email"];
if (command == "add" && requiredForAdd.FirstOrDefault(o => options[o] is null) is { } missing)
{
    Console.Error.WriteLine($"error: the following arguments are required: {missing}");
    return 2;
}
if (command == "delete" && options["--username"] is null)
{
    Console.Error.WriteLine("error: one of the arguments -u/--username is required");
    return 2;
}
using var cb = ExampleClient.Connect(options);

switch (command)
{
    case "list":
        Console.WriteLine(Row("Username", "Name", "Email address", "Teams"));
        Console.WriteLine(Row(new string('-', 16), new string('-', 30), new string('-', 30), new string('-', 40)));
        await foreach (var user in cb.Select<User>())
        {
            Console.WriteLine(Row(user.Username, $"{user.FirstName} {user.LastName}", user.Email,
                string.Join(", ", (user.Teams ?? []).Select(t => t.Name))));
        }
        return 0;
    case "list-teams":
        await foreach (var team in cb.Select<Team>())
        {
            Console.WriteLine($"Team {team.Name} (id {team.Id}):");
            foreach (var access in team.GroupAccess ?? [])
                Console.WriteLine($"  {access.AccessCategory} on Sensor Group \"{access.GroupName}\"");
        }
        return 0;
    case "add":
    {
        var user = cb.Create<User>();
        user.Username = options["--username"];
        user.FirstName = options["--first-name"];
        user.LastName = options["--last-name"];
        user.Email = options["--email"];
        user.Teams = [];
        user.GlobalAdmin = options.Has("--global-admin");
        user.Password = options["--password"] ?? ReadNewPassword(user.Username!);
        try
        {
            foreach (var team in options.All("--team"))
                await user.AddTeamAsync(team);
            await cb.SaveAsync(user);
        }
        catch (CbApiException e)
        {
            Console.WriteLine($"Could not add user: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Added user {user.Username}.");
        return 0;
    }
    case "add-team":
    {
        var team = cb.Create<Team>();
        team.Name = options["--name"];
        team.GroupAccess = [];
        try
        {
            // cbapi tests the team (not the group) for an int, so a group is always looked up by name; the port
            // takes a number as a group id, as the script meant.
            foreach (var group in options.All("--administrator"))
                team.AddAdministratorAccess(await FindGroupAsync(group));
            foreach (var group in options.All("--viewer"))
                team.AddViewerAccess(await FindGroupAsync(group));
            await cb.SaveAsync(team);
        }
        catch (CbApiException e)
        {
            Console.WriteLine($"Could not add team: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Added team {team.Name}.");
        return 0;
    }
    case "delete":
    {
        var username = options["--username"]!;
        try
        {
            await cb.DeleteAsync(cb.Select<User>(username));
        }
        catch (CbApiException e)
        {
            Console.WriteLine($"Could not delete user {username}: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Deleted user {username}");
        return 0;
    }
    default:
        Console.Error.WriteLine("error: a command is required: list, list-teams, add, add-team or delete");
        return 2;
}

// Python's "{:16s} {:30s} {:30s} {:40s}": each column padded, never cut.
static string Row(string? username, string? name, string? email, string teams) =>
    $"{username,-16} {name,-30} {email,-30} {teams,-40}";

// cbapi's .first() gives None for an unknown name and fails later; the port stops with the name.
async Task<SensorGroup> FindGroupAsync(string nameOrId) =>
    int.TryParse(nameOrId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
        ? await cb.GetAsync<SensorGroup>(nameOrId)
        : await cb.Select<SensorGroup>().Where("name:" + nameOrId).FirstOrDefaultAsync()
            ?? throw new CbApiException($"No sensor group named {nameOrId}");

// cbapi's getpass loop: asks twice until both answers match (without echo when a terminal is attached).
static string ReadNewPassword(string username)
{
    while (true)
    {
        var first = ReadSecret($"New password for {username}: ");
        var second = ReadSecret("Re-enter password: ");
        if (first == second)
            return first;
        Console.WriteLine("Passwords don't match; try again");
    }
}

static string ReadSecret(string prompt)
{
    Console.Write(prompt);
    if (Console.IsInputRedirected)
        return Console.ReadLine() ?? throw new EndOfStreamException("no password given on standard input");
    var secret = new System.Text.StringBuilder();
    for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
    {
        if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
            secret.Length--;
        else if (!char.IsControl(key.KeyChar))
            secret.Append(key.KeyChar);
    }
    Console.WriteLine();
    return secret.ToString();
}
