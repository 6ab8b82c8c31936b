namespace CbTyped.Runtime.Tests;

/// <summary>When cbapi's lookup finds nothing, the error lists every source it tried, in order, and never a value.</summary>
public sealed class CredentialsNotFoundTests
{
    private static readonly string AbsentProfile = "cbtyped-absent-" + Guid.NewGuid().ToString("N");

    [Fact]
    public void The_error_names_both_variables_their_state_and_every_credentials_file()
    {
        var env = new Dictionary<string, string> { ["CBAPI_TOKEN"] = "secret-token-never-shown" };

        var e = Assert.Throws<CbCredentialsException>(() =>
            CbCredentialStore.Resolve(AbsentProfile, null, null, name => env.GetValueOrDefault(name)));

        Assert.Contains("CBAPI_URL (not set)", e.Message, StringComparison.Ordinal);
        Assert.Contains("CBAPI_TOKEN (set)", e.Message, StringComparison.Ordinal);
        Assert.Contains($"the profile '{AbsentProfile}'", e.Message, StringComparison.Ordinal);
        var position = e.Message.IndexOf("CBAPI_URL", StringComparison.Ordinal);
        foreach (var file in CbCredentialStore.DefaultFiles)
        {
            var at = e.Message.IndexOf(Path.GetFullPath(file), StringComparison.Ordinal);
            Assert.True(at > position, $"{Path.GetFullPath(file)} missing or out of order in: {e.Message}");
            position = at;
        }
        Assert.DoesNotContain("secret-token-never-shown", e.Message, StringComparison.Ordinal);
        Assert.Contains("Cannot find credential profile", e.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_files_keep_the_files_only_error()
    {
        var e = Assert.Throws<CbCredentialsException>(() =>
            CbCredentialStore.Resolve(AbsentProfile, ["/nonexistent/credentials.response"], null, _ => null));

        Assert.Equal($"Cannot find credential profile '{AbsentProfile}' after searching in these files: /nonexistent/credentials.response.", e.Message);
    }
}
