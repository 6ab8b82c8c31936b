using Xunit;
using System.Text;
using CbTyped.Generator.Tests.Fixtures;
using CbTyped.Modeling;

namespace CbTyped.Generator.Tests;

public class HandWrittenModelTests
{
    private static HandSensor Load(string json)
    {
        var sensor = HandSensor.CreateInstance();
        HandSensor.ModelInfo.Populate(sensor, Encoding.UTF8.GetBytes(json));
        return sensor;
    }

    [Fact]
    public void ReadsQuirkyValuesAndKeepsUnknownFieldsOnWrite()
    {
        var sensor = Load("""{"id":"7", "computer_name":"WIN7", "extra":{"a":[1,2]}, "group_id":1, "status":"Rebooting", "last_checkin_time":"2018-02-06 12:44:33.883886-06:00"}""");
        Assert.Equal(7, sensor.Id);
        Assert.Equal("WIN7", sensor.ComputerName);
        Assert.Equal(HandSensorStatus.Unknown, sensor.Status);
        Assert.Equal(new DateTimeOffset(2018, 2, 6, 12, 44, 33, TimeSpan.FromHours(-6)).AddTicks(8838860), sensor.LastCheckinTime);
        Assert.False(sensor.IsDirty);

        sensor.GroupId = 3;
        Assert.True(sensor.IsDirty);
        string written = Encoding.UTF8.GetString(sensor.ToUtf8Json());
        Assert.Equal("""{"id":"7","computer_name":"WIN7","extra":{"a":[1,2]},"group_id":3,"status":"Rebooting","last_checkin_time":"2018-02-06 12:44:33.883886-06:00"}""", written);

        sensor.GroupId = 1;
        Assert.False(sensor.IsDirty);
    }
}
