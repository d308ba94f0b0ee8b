using ScanPS.Http;

namespace ScanPS.Providers
{
    /// <summary>What a user can do about a vendor refusal, in ScanPS's commands, parameters and variables for one provider.</summary>
    internal static class ProviderAdvice
    {
        public static ErrorAdvice For(ProviderDefinition definition)
        {
            string provider = definition.Name;
            var spec = definition.Credential;
            return new ErrorAdvice
            {
                AuthenticationFailed = spec.RequiresUserName
                    ? "Check " + spec.UserNameMeaning + " and the " + spec.SecretName + ": pass -Credential (user name = " + spec.UserNameMeaning + ", password = the " + spec.SecretName +
                      "), -Connection or Connect-ScanProvider, or set $env:" + spec.UserNameVariable + " and $env:" + spec.SecretVariables[0] + ", and check that they belong to this base URI."
                    : "Check the " + provider + " " + spec.SecretName + " (-ApiKey, -Credential, -Connection, Connect-ScanProvider or $env:" + spec.SecretVariables[0] +
                      ") and that it is for this base URI.",
                ProxyAuthenticationRequired = "The proxy wants credentials: Connect-ScanProvider -Proxy <uri> -ProxyCredential (Get-Credential), or -ProxyUseDefaultCredentials.",
                NotFound = "Check the id; Get-Scan -Provider " + provider + " lists what exists.",
                CreateFailed = "The vendor may or may not have acted on the request; check with Get-Scan before running it again.",
                Redirected = "Check -BaseUri: redirects are not followed so that the API key is never sent to another host.",
            };
        }
    }
}
