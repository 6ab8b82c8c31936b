using System.Globalization;
using CbTyped;
using CbTyped.Response;
using Contoso.Inventory;

// Lists the sensors through this project's own SensorCheckin model, follows its join to the built-in Sensor, runs the
// spec's own operation and lists a child this project declares under the built-in Sensor.
//   dotnet run --project samples/CustomModel -- --url <url> --token <token>   (or a cbapi credentials profile)
var url = Argument("--url") ?? Environment.GetEnvironmentVariable("CBAPI_URL");
var token = Argument("--token") ?? Environment.GetEnvironmentVariable("CBAPI_TOKEN");

using var cb = url is not null && token is not null
    ? new CbResponseClient(new CbCredentials(new Uri(url), token),
        new CbResponseClientOptions { AllowInsecureHttp = new Uri(url).IsLoopback })
    : CbResponseClient.FromProfile();

var checkins = await cb.Select<SensorCheckin>().ToListAsync();
if (checkins.Count == 0)
{
    Console.Error.WriteLine("no sensors");
    return 1;
}
foreach (var checkin in checkins)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{checkin.Id,4}  {checkin.ComputerName,-24} {checkin.Status,-10} {checkin.LastCheckinTime:yyyy-MM-dd HH:mm:ss}"));
}

// The join: SensorCheckin (this project) -> Sensor (the CbTyped package), typed on both sides.
var first = checkins[0];
Sensor? sensor = await first.GetSensorAsync();
if (sensor is null || sensor.Id != first.Id || sensor.ComputerName != first.ComputerName)
{
    Console.Error.WriteLine("the join to Sensor did not give the same sensor");
    return 1;
}
// The operation this project's spec declares: GET /api/v1/sensor/statistics, read into the built-in model.
var totals = await SensorCheckin.GetTotalsAsync(cb);
if (totals.SensorCount != checkins.Count)
{
    Console.Error.WriteLine($"the statistics count {totals.SensorCount} sensors, the list {checkins.Count}");
    return 1;
}

// The child list this project declares under the built-in Sensor: an extension method, the sensor's id in the route.
var activity = await sensor.GetActivityAsync();
if (activity.Count == 0 || activity.Any(a => a.SensorId != sensor.Id))
{
    Console.Error.WriteLine("the sensor's activity did not come from its own route");
    return 1;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"activity of sensor {sensor.Id}: {activity.Count} entries, last {activity[0].Type} at {activity[0].Timestamp:yyyy-MM-dd HH:mm:ss}"));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"OK: {checkins.Count} sensors; sensor {sensor.Id} is {sensor.ComputerName} ({sensor.OsEnvironmentDisplayString})"));
return 0;

string? Argument(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
