using CbTyped.Runtime.Tests.Infrastructure;

namespace CbTyped.Runtime.Tests;

/// <summary>
/// A CR or LF in a token would end the <c>X-Auth-Token</c> header and start another: every source of credentials
/// refuses control characters where it reads them, naming the source and never the value.
/// </summary>
public sealed class CredentialControlCharacterTests
{
    private const string Secret = "0123456789abcdef";

    [Theory]
    [InlineData("[default]\nurl=https://cb\ntoken=" + Secret + "\rX-Injected: 1\n", 3, "CR (U+000D) in the value of 'token'")]
    [InlineData("[default]\nurl=https://cb\ntoken=" + Secret + "\0tail\n", 3, "NUL (U+0000) in the value of 'token'")]
    [InlineData("[default]\nurl=https://cb\ntoken=" + Secret + "\u007f\n", 3, "DEL (U+007F) in the value of 'token'")]
    [InlineData("[default]\nurl=https://cb/\u0001x\ntoken=" + Secret + "\n", 2, "control character U+0001 in the value of 'url'")]
    [InlineData("[default]\nurl=https://cb\nssl_verify=\u001btrue\ntoken=" + Secret + "\n", 3, "in the value of 'ssl_verify'")]
    [InlineData("[def\u000bault]\nurl=https://cb\ntoken=" + Secret + "\n", 1, "control character U+000B;")]
    [InlineData("[default]\nurl=https://cb\ntoken=" + Secret + "\n  X-Injected: 1\n", 3, "the value of 'token' contains a LF (U+000A) (a continuation line)")]
    [InlineData("[default]\nurl=https://cb\ntoken=" + Secret + "\tX\n", 3, "the value of 'token' contains a TAB (U+0009)")]
    public void The_credentials_file_refuses_them_naming_file_and_line(string text, int line, string what)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("credentials.response", text);

        var e = Assert.Throws<CbCredentialsException>(() => CbCredentialStore.LoadProfile("default", [file]));

        Assert.Contains($"Cannot read credentials file {file}, line {line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_as_whitespace_and_a_multi_line_value_of_an_unused_key_are_still_fine()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", "[default]\nurl\t=\thttps://cb\ntoken = t\t\nrabbitmq_host = a\n  b\n");
        var credentials = CbCredentialStore.LoadProfile("default", [file]);
        Assert.Equal("t", credentials.Token);
        Assert.Equal("a\nb", credentials.OtherKeys["rabbitmq_host"]);
    }

    [Theory]
    [InlineData("CBAPI_TOKEN", Secret + "\r\nX-Injected: 1", "CR (U+000D)")]
    [InlineData("CBAPI_TOKEN", Secret + "\n", "LF (U+000A)")]
    [InlineData("CBAPI_URL", "https://cb.example\nX-Injected: 1", "LF (U+000A)")]
    [InlineData("CBAPI_SSL_VERIFY", "true\0", "NUL (U+0000)")]
    public void The_environment_refuses_them_naming_the_variable(string variable, string value, string what)
    {
        var env = new Dictionary<string, string> { ["CBAPI_URL"] = "https://cb.example", ["CBAPI_TOKEN"] = Secret, [variable] = value };

        var e = Assert.Throws<CbCredentialsException>(() => CbCredentialStore.Resolve("default", null, null, name => env.GetValueOrDefault(name)));

        Assert.StartsWith($"The environment variable {variable} contains a {what} at position ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Secret + "\r\nX-Injected: 1")]
    [InlineData(Secret + "\n")]
    [InlineData("\0" + Secret)]
    [InlineData(Secret + "\u007f")]
    [InlineData(Secret + "\u0085")]
    public void The_public_constructors_refuse_a_token_with_them_naming_the_parameter(string token)
    {
        var url = new Uri("https://cb.example");
        var errors = new[]
        {
            Assert.Throws<CbCredentialsException>(() => new CbCredentials(url, token)),
            Assert.Throws<CbCredentialsException>(() => new CbCredentials(url, "fine") { Token = token }),
            Assert.Throws<CbCredentialsException>(() => new CbResponseClient(url, token)),
            Assert.Throws<CbCredentialsException>(() => new CbResponseClient(url, token, new CbResponseClientOptions())),
        };

        foreach (var e in errors)
        {
            Assert.StartsWith("The API token (parameter 'token') contains a ", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_public_constructors_refuse_a_url_with_them_naming_the_parameter()
    {
        var url = new Uri("https://cb.example/a\u0001b");
        var e = Assert.Throws<CbCredentialsException>(() => new CbResponseClient(url, Secret));
        Assert.StartsWith("The server URL (parameter 'url') contains a control character U+0001 at position ", e.Message, StringComparison.Ordinal);
        Assert.Throws<CbCredentialsException>(() => new CbCredentials(new Uri("https://cb.example"), Secret) { Url = url });
    }
}
