using System.CommandLine;
using System.Globalization;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped user list|add|remove</c> and <c>cbtyped group list|create</c> (sensor groups).</summary>
internal static class UserCommands
{
    public static Command CreateUser(CommandRunner runner)
    {
        var user = new Command("user", "Console users.");

        var list = new Command("list", "List users.");
        runner.SetAction(list, ListUsersAsync);
        user.Subcommands.Add(list);

        var username = new Argument<string>("username") { Description = "The login name." };
        var first = new Option<string>("--first-name") { Description = "First name.", Required = true };
        var last = new Option<string>("--last-name") { Description = "Last name.", Required = true };
        var email = new Option<string>("--email") { Description = "E-mail address.", Required = true };
        var admin = new Option<bool>("--admin") { Description = "Make the user a global administrator." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new user's password from standard input." };
        var add = new Command("add", "Create a user.") { username, first, last, email, admin, passwordStdin };
        runner.SetAction(add, c => AddUserAsync(c, c.Get(username), c.Get(first), c.Get(last), c.Get(email), c.Get(admin), c.Get(passwordStdin)));
        user.Subcommands.Add(add);

        var removeName = new Argument<string>("username") { Description = "The login name." };
        var remove = new Command("remove", "Delete a user.") { removeName };
        runner.SetAction(remove, c => RemoveUserAsync(c, c.Get(removeName)));
        user.Subcommands.Add(remove);
        return user;
    }

    public static Command CreateGroup(CommandRunner runner)
    {
        var group = new Command("group", "Sensor groups.");

        var list = new Command("list", "List sensor groups.");
        runner.SetAction(list, ListGroupsAsync);
        group.Subcommands.Add(list);

        var name = new Argument<string>("name") { Description = "The group's name." };
        var site = new Option<int>("--site") { Description = "The site id.", DefaultValueFactory = _ => 1 };
        var server = new Option<string?>("--sensorbackend-server") { Description = "The server URL sensors of this group report to (default: the server's URL)." };
        var create = new Command("create", "Create a sensor group.") { name, site, server };
        runner.SetAction(create, c => CreateGroupAsync(c, c.Get(name), c.Get(site), c.Get(server)));
        group.Subcommands.Add(create);
        return group;
    }

    private static async Task<int> ListUsersAsync(CommandContext context)
    {
        await ModelList.WriteAsync(context.Output, context.Client.Select<User>(),
        [
            new Column<User>("Username", u => u.Username),
            new("Name", u => $"{u.FirstName} {u.LastName}".Trim()),
            new("E-mail", u => u.Email),
            new("Admin", u => Formats.YesNo(u.GlobalAdmin)),
            new("Teams", u => string.Join(", ", u.Teams?.Select(t => t.Name) ?? [])),
        ], context.CancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> AddUserAsync(CommandContext context, string username, string first, string last, string email, bool admin, bool passwordStdin)
    {
        var user = context.Client.Create<User>();
        user.Username = username;
        user.FirstName = first;
        user.LastName = last;
        user.Email = email;
        user.GlobalAdmin = admin;
        user.Teams = [];
        if (passwordStdin)
            user.Password = Console.In.ReadLine()?.TrimEnd('\r', '\n') is { Length: > 0 } password ? password : throw new CliUsageException("No password on standard input.");
        user = await context.Client.SaveAsync(user, context.CancellationToken).ConfigureAwait(false);
        if (context.Output.Json)
            context.Output.WriteJson(w => ModelJson.Write(w, user));
        else
            context.Output.Output.WriteLine($"user {user.Username} created");
        return ExitCodes.Success;
    }

    private static async Task<int> RemoveUserAsync(CommandContext context, string username)
    {
        var user = await context.GetOrNotFoundAsync<User>(username, "user").ConfigureAwait(false);
        await context.Client.DeleteAsync(user, context.CancellationToken).ConfigureAwait(false);
        if (!context.Output.Json)
            context.Output.Output.WriteLine($"user {username} deleted");
        else
            context.Output.WriteJson(w => { w.WriteStartObject(); w.WriteString("deleted", username); w.WriteEndObject(); });
        return ExitCodes.Success;
    }

    private static async Task<int> ListGroupsAsync(CommandContext context)
    {
        await ModelList.WriteAsync(context.Output, context.Client.Select<SensorGroup>(),
        [
            new Column<SensorGroup>("ID", g => Formats.Number(g.Id), AlignRight: true),
            new("Name", g => g.Name),
            new("Site", g => Formats.Number(g.SiteId), AlignRight: true),
            new("Hosts", g => Formats.Number(g.NumberOfHosts), AlignRight: true),
        ], context.CancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> CreateGroupAsync(CommandContext context, string name, int site, string? server)
    {
        var group = context.Client.Create<SensorGroup>();
        group.Name = name;
        group.SiteId = site;
        group.SensorbackendServer = server ?? context.Client.Url.ToString().TrimEnd('/');
        group = await context.Client.SaveAsync(group, context.CancellationToken).ConfigureAwait(false);
        if (context.Output.Json)
            context.Output.WriteJson(w => ModelJson.Write(w, group));
        else
            context.Output.Output.WriteLine($"sensor group {group.Id?.ToString(CultureInfo.InvariantCulture)} created: {group.Name}");
        return ExitCodes.Success;
    }
}
