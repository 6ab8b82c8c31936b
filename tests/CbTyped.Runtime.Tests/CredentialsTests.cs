using CbTyped.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CbTyped.Runtime.Tests;

public sealed class CredentialsTests
{
    [Fact]
    public void A_profile_with_every_key_is_read()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("credentials.response", """
            # a comment
            [default]
            url = https://cb.example.com:8443/
            token: 0123456789abcdef0123456789abcdef01234567
            ssl_verify = False
            ssl_verify_hostname = no
            ssl_cert_file = /etc/pki/cb-ca.pem
            ssl_force_tls_1_2 = on
            proxy = http://proxy.corp:3128
            ignore_system_proxy = 1
            org_key = ABCD1234
            rabbitmq_user = cb
            rabbitmq_pass = secret
            rabbitmq_host = localhost
            rabbitmq_port = 5004
            """);

        var credentials = CbCredentialStore.LoadProfile("default", [file]);

        Assert.Equal(new Uri("https://cb.example.com:8443"), credentials.Url);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", credentials.Token);
        Assert.False(credentials.SslVerify);
        Assert.False(credentials.SslVerifyHostname);
        Assert.Equal("/etc/pki/cb-ca.pem", credentials.SslCertFile);
        Assert.True(credentials.SslForceTls12);
        Assert.Equal(new Uri("http://proxy.corp:3128"), credentials.Proxy);
        Assert.True(credentials.IgnoreSystemProxy);
        Assert.Equal("ABCD1234", credentials.OrgKey);
        Assert.Equal("cb", credentials.OtherKeys["rabbitmq_user"]);
        Assert.Equal("5004", credentials.OtherKeys["rabbitmq_port"]);
        Assert.DoesNotContain(credentials.Token, credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_apply_when_keys_are_absent()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", "[default]\nurl=https://cb\ntoken=t\n");
        var credentials = CbCredentialStore.LoadProfile("default", [file]);
        Assert.True(credentials.SslVerify);
        Assert.True(credentials.SslVerifyHostname);
        Assert.False(credentials.SslForceTls12);
        Assert.False(credentials.IgnoreSystemProxy);
        Assert.Null(credentials.SslCertFile);
        Assert.Null(credentials.Proxy);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("YES", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("on", true)]
    [InlineData("On", true)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("No", false)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("off", false)]
    [InlineData("OFF", false)]
    public void Every_boolean_spelling_is_understood(string spelling, bool expected)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", $"[p]\nurl=https://cb\ntoken=t\nssl_verify={spelling}\nssl_verify_hostname={spelling}\nssl_force_tls_1_2={spelling}\nignore_system_proxy={spelling}\n");
        var credentials = CbCredentialStore.LoadProfile("p", [file]);
        Assert.Equal(expected, credentials.SslVerify);
        Assert.Equal(expected, credentials.SslVerifyHostname);
        Assert.Equal(expected, credentials.SslForceTls12);
        Assert.Equal(expected, credentials.IgnoreSystemProxy);
    }

    [Fact]
    public void A_bad_boolean_names_the_key_and_profile()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", "[p]\nurl=https://cb\ntoken=t\nssl_verify=maybe\n");
        var e = Assert.Throws<CbCredentialsException>(() => CbCredentialStore.LoadProfile("p", [file]));
        Assert.Contains("ssl_verify", e.Message, StringComparison.Ordinal);
        Assert.Contains("'p'", e.Message, StringComparison.Ordinal);
        Assert.Contains("maybe", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_profile_names_the_profile_and_every_file_searched()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", "[default]\nurl=https://cb\ntoken=t\n");
        var absent = Path.Combine(dir.Path, "absent");
        var e = Assert.Throws<CbCredentialsException>(() => CbCredentialStore.LoadProfile("prod", [file, absent]));
        Assert.Equal($"Cannot find credential profile 'prod' after searching in these files: {file}, {absent}.", e.Message);
    }

    [Fact]
    public void No_file_at_all_is_a_missing_profile()
    {
        var e = Assert.Throws<CbCredentialsException>(() => CbCredentialStore.LoadProfile("default", ["/nonexistent/credentials.response"]));
        Assert.Contains("/nonexistent/credentials.response", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url=https://cb\n[default]\ntoken=t\n", "line 1")]
    [InlineData("[default]\nthis line has no delimiter\n", "line 2")]
    [InlineData("[default]\nurl=https://a\nurl=https://b\n", "line 3")]
    [InlineData("[default]\nurl=https://a\n[default]\ntoken=t\n", "line 3")]
    public void A_bad_file_names_the_file_and_line(string text, string line)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", text);
        var e = Assert.Throws<CbCredentialsException>(() => CbCredentialStore.LoadProfile("default", [file]));
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(line, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_without_token_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", "[default]\nurl=https://cb\n");
        var e = Assert.Throws<CbCredentialsException>(() => CbCredentialStore.LoadProfile("default", [file]));
        Assert.Contains("Token and/or URL not available for profile 'default'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_comes_whole_from_the_last_file_that_has_it_with_that_files_DEFAULT()
    {
        using var dir = new TempDirectory();
        var system = dir.Write("etc", "[DEFAULT]\nssl_verify=false\n[default]\nurl=https://old\ntoken=old\nproxy=http://p:1\n");
        var user = dir.Write("home", "[DEFAULT]\nssl_verify_hostname=false\n[default]\nurl=https://new\ntoken=new\n");
        var credentials = CbCredentialStore.LoadProfile("default", [system, user]);
        Assert.Equal("https://new/", credentials.Url.ToString());
        Assert.Equal("new", credentials.Token);
        Assert.Null(credentials.Proxy);            // not the earlier file's
        Assert.True(credentials.SslVerify);        // not the earlier file's DEFAULT
        Assert.False(credentials.SslVerifyHostname); // this file's DEFAULT
        Assert.Equal($"profile 'default' in {user}", credentials.Source);
    }

    [Fact]
    public void A_later_file_with_only_a_url_never_receives_an_earlier_files_token()
    {
        using var dir = new TempDirectory();
        var home = dir.Write("home", "[default]\nurl=https://cb.corp\ntoken=home-secret-token\n");
        var local = dir.Write("local", "[default]\nurl = https://attacker.example\n");
        var e = Assert.Throws<CbCredentialsException>(() => CbCredentialStore.LoadProfile("default", [home, local]));
        Assert.Contains($"Token and/or URL not available for profile 'default' in {local}.", e.Message, StringComparison.Ordinal);
        Assert.Contains($"the 'default' of {home} is not combined with it", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("home-secret-token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_file_without_the_profile_leaves_the_earlier_files_profile_whole()
    {
        using var dir = new TempDirectory();
        var home = dir.Write("home", "[default]\nurl=https://cb.corp\ntoken=t\n");
        var local = dir.Write("local", "[DEFAULT]\nurl=https://attacker.example\n[other]\nurl=https://x\ntoken=y\n");
        var credentials = CbCredentialStore.LoadProfile("default", [home, local]);
        Assert.Equal("https://cb.corp/", credentials.Url.ToString());
    }

    [Fact]
    public void Continuation_lines_and_semicolon_comments_follow_configparser()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", "; comment\n[default]\nurl=https://cb\ntoken=t\nrabbitmq_host=a\n  b\n");
        Assert.Equal("a\nb", CbCredentialStore.LoadProfile("default", [file]).OtherKeys["rabbitmq_host"]);
    }

    [Fact]
    public void A_file_readable_by_others_gets_a_warning_and_a_private_one_does_not()
    {
        if (OperatingSystem.IsWindows())
            return; // POSIX permissions only
        using var dir = new TempDirectory();
        var open = dir.Write("open", "[default]\nurl=https://cb\ntoken=t\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var closed = dir.Write("closed", "[default]\nurl=https://cb\ntoken=t\n");
        var logs = new CapturingLoggerFactory();
        var logger = logs.CreateLogger("test");

        CbCredentialStore.LoadProfile("default", [closed], logger);
        Assert.DoesNotContain(logs.Lines, l => l.Level == LogLevel.Warning);

        CbCredentialStore.LoadProfile("default", [open], logger);
        var warning = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains(open, warning.Message, StringComparison.Ordinal);
        Assert.Contains("group or others", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_wins_when_url_and_token_are_both_set()
    {
        var env = new Dictionary<string, string> { ["CBAPI_URL"] = "https://env.example", ["CBAPI_TOKEN"] = "envtoken", ["CBAPI_SSL_VERIFY"] = "off" };
        var credentials = CbCredentialStore.Resolve("ignored-profile", null, null, name => env.GetValueOrDefault(name));
        Assert.Equal("https://env.example/", credentials.Url.ToString());
        Assert.Equal("envtoken", credentials.Token);
        Assert.False(credentials.SslVerify);
        Assert.Equal("environment", credentials.Source);
    }

    [Fact]
    public void Without_both_variables_the_profile_is_used()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("c", "[default]\nurl=https://file\ntoken=t\n");
        var env = new Dictionary<string, string> { ["CBAPI_URL"] = "https://env.example" };
        Assert.Null(CbCredentialStore.FromEnvironment(name => env.GetValueOrDefault(name)));
        // An explicit file list means the files, even when the environment is complete (cbapi).
        env["CBAPI_TOKEN"] = "x";
        var credentials = CbCredentialStore.Resolve("default", [file], null, name => env.GetValueOrDefault(name));
        Assert.Equal("https://file/", credentials.Url.ToString());
    }

    [Fact]
    public void CBAPI_SSL_VERIFY_defaults_to_true_and_rejects_nonsense()
    {
        var env = new Dictionary<string, string> { ["CBAPI_URL"] = "https://e", ["CBAPI_TOKEN"] = "t" };
        Assert.True(CbCredentialStore.FromEnvironment(name => env.GetValueOrDefault(name))!.SslVerify);
        env["CBAPI_SSL_VERIFY"] = "perhaps";
        Assert.Throws<CbCredentialsException>(() => CbCredentialStore.FromEnvironment(name => env.GetValueOrDefault(name)));
    }

    [Fact]
    public void Plain_http_is_refused_unless_explicitly_allowed()
    {
        var e = Assert.Throws<CbCredentialsException>(() => new CbResponseClient(new Uri("http://cb.example"), "t"));
        Assert.Contains("https", e.Message, StringComparison.Ordinal);
        using var allowed = new CbResponseClient(new Uri("http://cb.example"), "t", new CbResponseClientOptions { AllowInsecureHttp = true });
        Assert.Equal("http://cb.example/", allowed.Url.ToString());
    }

    [Fact]
    public void An_empty_token_is_refused()
    {
        var e = Assert.Throws<CbCredentialsException>(() => new CbResponseClient(new Uri("https://cb.example"), " "));
        Assert.Contains("No API token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trailing_slash_is_dropped_but_a_path_prefix_is_kept()
    {
        using var client = new CbResponseClient(new Uri("https://cb.example/prefix/"), "t");
        Assert.Equal("https://cb.example/prefix", client.Url.OriginalString);
    }
}
