using Microsoft.Extensions.Options;

namespace CbTyped.Extensions.DependencyInjection;

/// <summary>
/// Start-up validation of one named client's settings (<c>ValidateOnStart</c>): the keys' shapes, then the credentials
/// (a profile must exist) and the transport rules the client applies itself (https, or http to loopback, or
/// AllowInsecureHttp; a readable CA file), by building the handler the client would use. No request is sent.
/// </summary>
internal sealed class CbResponseClientSettingsValidator(string name) : IValidateOptions<CbResponseClientSettings>
{
    public ValidateOptionsResult Validate(string? optionsName, CbResponseClientSettings options)
    {
        if (!string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal))
            return ValidateOptionsResult.Skip;
        var problems = CbResponseClientSettingsReader.Problems(options);
        if (problems.Count == 0)
        {
            try
            {
                var clientOptions = new CbResponseClientOptions();
                CbResponseClientSettingsReader.ApplyTo(options, clientOptions);
                using var handler = CbResponseClient.CreateHttpHandler(CbResponseClientSettingsReader.Credentials(options), clientOptions);
            }
            catch (CbApiException e)
            {
                problems.Add(e.Message);
            }
        }
        var client = name.Length == 0 ? "The default CbResponseClient" : $"CbResponseClient '{name}'";
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => $"{client}: {p}"));
    }
}
