namespace CbTyped.Response;

public partial class Team
{
    /// <summary>Lets the team view <paramref name="group"/> (replaces its current access to that group; save afterwards).</summary>
    public void AddViewerAccess(SensorGroup group) => SetAccess(group, "Viewer");

    /// <summary>Lets the team administer <paramref name="group"/> (replaces its current access to that group; save afterwards).</summary>
    public void AddAdministratorAccess(SensorGroup group) => SetAccess(group, "Administrator");

    /// <summary>Removes the team's access entry for the group with id <paramref name="groupId"/>.</summary>
    public void RemoveAccess(int groupId)
    {
        if (GroupAccess is { } access && access.Any(a => a.GroupId == groupId))
            GroupAccess = access.Where(a => a.GroupId != groupId).ToList();
    }

    private void SetAccess(SensorGroup group, string category)
    {
        ArgumentNullException.ThrowIfNull(group);
        int id = group.Id ?? throw new InvalidOperationException("Save the sensor group before granting access to it.");
        var access = GroupAccess?.Where(a => a.GroupId != id).ToList() ?? [];
        access.Add(new GroupAccessEntry { GroupId = id, GroupName = group.Name, AccessCategory = category });
        GroupAccess = access;
    }
}
