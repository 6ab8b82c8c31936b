using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class User
{
    /// <summary>Adds the user to <paramref name="team"/> (no request; save the user afterwards). Adding twice does nothing.</summary>
    public void AddTeam(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        int id = team.Id ?? throw new InvalidOperationException("Save the team before adding users to it.");
        var teams = Teams?.ToList() ?? [];
        if (teams.Any(t => t.Id == id))
            return;
        teams.Add(new UserTeam { Id = id, Name = team.Name });
        Teams = teams;
    }

    /// <summary>Adds the user to the team named <paramref name="teamName"/> (one <c>GET /api/teams</c>).</summary>
    /// <exception cref="CbMoreThanOneResultException">No team, or several, have that name.</exception>
    public async Task AddTeamAsync(string teamName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamName);
        var teams = await RequireClient().Select<Team>().Where("name:" + teamName).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (teams.Count != 1)
            throw new CbMoreThanOneResultException($"{teams.Count} results found for query name:{teamName}", teams.Count);
        AddTeam(teams[0]);
    }

    /// <summary>Removes the user from the team with id <paramref name="teamId"/> (no request; save afterwards).</summary>
    public void RemoveTeam(int teamId)
    {
        if (Teams is { } teams && teams.Any(t => t.Id == teamId))
            Teams = teams.Where(t => t.Id != teamId).ToList();
    }

    /// <summary>Removes the user from <paramref name="team"/>.</summary>
    public void RemoveTeam(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (team.Id is { } id)
            RemoveTeam(id);
    }

    /// <summary>Changes the password: sets <c>current_password</c> and <c>password</c>; save the user to send it.</summary>
    public void ChangePassword(string currentPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        CurrentPassword = currentPassword;
        Password = newPassword;
    }
}
