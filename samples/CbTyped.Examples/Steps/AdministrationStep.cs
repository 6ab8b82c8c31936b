using CbTyped.Response;

namespace CbTyped.Examples;

/// <summary>
/// "Administrative Tasks": create a user, create a sensor group and move a sensor into it. Like the document, this
/// prints nothing but the log lines (<c>--verbose</c>).
/// </summary>
internal static class AdministrationStep
{
    public static async Task RunAsync(StepContext step, CancellationToken cancellationToken)
    {
        StepHeading.Write(step.Output, "Administrative Tasks");
        if (!step.MayChange("creating a user and a sensor group"))
            return;

        var user = step.Cb.Create<User>();
        user.Username = "jgarman";
        user.Password = "cbisawesome";
        user.FirstName = "Jason";
        user.LastName = "Garman";
        user.Email = "jgarman@carbonblack.com";
        user.Teams = [];
        user.GlobalAdmin = false;
        await step.Cb.SaveAsync(user, cancellationToken);

        // A new group reports to the same server as the default group (sensorbackend_server is required).
        var defaultGroup = await step.Cb.GetAsync<SensorGroup>("1", cancellationToken);
        var sg = step.Cb.Create<SensorGroup>();
        sg.Name = step.Seed.NewGroupName;
        sg.SiteId = 1;
        sg.SensorbackendServer = defaultGroup.SensorbackendServer;
        await step.Cb.SaveAsync(sg, cancellationToken);

        var sensor = await step.Cb.Select<Sensor>().Where("hostname:" + step.Seed.SensorHostname).FirstAsync(cancellationToken);
        sensor.GroupId = sg.Id;
        await step.Cb.SaveAsync(sensor, cancellationToken);
    }
}
