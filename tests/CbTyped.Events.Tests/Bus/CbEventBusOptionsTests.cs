using CbTyped.Events.Consumer;

namespace CbTyped.Events.Tests.Bus;

public class CbEventBusOptionsTests
{
    private static CbCredentials Profile(string text)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, text);
            return CbCredentialStore.LoadProfile("default", [file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Reads_cbapis_rabbitmq_keys_from_the_profile()
    {
        var options = CbEventBusOptions.FromCredentials(Profile(
            "[default]\nurl=https://cb.example\ntoken=abc\nrabbitmq_host=cb.example\nrabbitmq_port=5005\nrabbitmq_user=bus\nrabbitmq_pass=s3cret\n"));
        Assert.Equal("cb.example", options.Host);
        Assert.Equal(5005, options.Port);
        Assert.Equal("bus", options.User);
        Assert.Equal("s3cret", options.Password);
        Assert.Equal("/", options.VirtualHost);
        Assert.Equal("api.events", options.Exchange);
    }

    [Fact]
    public void Defaults_are_cbapis_and_the_password_is_required()
    {
        var options = CbEventBusOptions.FromCredentials(Profile("[default]\nurl=https://cb.example\ntoken=abc\nrabbitmq_pass=p\n"));
        Assert.Equal(("localhost", 5004, "cb"), (options.Host, options.Port, options.User));
        var e = Assert.Throws<CbCredentialsException>(() => CbEventBusOptions.FromCredentials(Profile("[default]\nurl=https://cb.example\ntoken=abc\n")));
        Assert.Contains("rabbitmq_pass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_port_names_the_key_and_value()
    {
        var e = Assert.Throws<CbCredentialsException>(() => CbEventBusOptions.FromCredentials(Profile(
            "[default]\nurl=https://cb.example\ntoken=abc\nrabbitmq_pass=p\nrabbitmq_port=50x4\n")));
        Assert.Contains("rabbitmq_port", e.Message, StringComparison.Ordinal);
        Assert.Contains("50x4", e.Message, StringComparison.Ordinal);
    }
}
