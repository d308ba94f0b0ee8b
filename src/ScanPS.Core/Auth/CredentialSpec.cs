using System;
using System.Collections.Generic;

namespace ScanPS.Auth
{
    /// <summary>
    /// What one provider's credential looks like and where the environment can supply it, in lookup order.
    /// The resolver is the same for every provider; only these facts differ.
    /// </summary>
    public sealed class CredentialSpec
    {
        public CredentialSpec(string provider, IReadOnlyList<string> secretVariables, string secretName = "API key", string? userNameVariable = null, string? userNameMeaning = null)
        {
            Provider = provider;
            SecretVariables = secretVariables;
            SecretName = secretName;
            UserNameVariable = userNameVariable;
            UserNameMeaning = userNameMeaning;
        }

        public string Provider { get; }

        /// <summary>Environment variables that may hold the secret, first match wins (ScanPS's own first, then the vendor's).</summary>
        public IReadOnlyList<string> SecretVariables { get; }

        /// <summary>What the vendor calls the secret ("API key", "API token"), used in messages.</summary>
        public string SecretName { get; }

        /// <summary>Set when the vendor pairs the secret with a user name (Invicti's API user id): it is then required.</summary>
        public string? UserNameVariable { get; }

        /// <summary>What the user name is, e.g. "the Invicti API user id".</summary>
        public string? UserNameMeaning { get; }

        public bool RequiresUserName => UserNameVariable != null;
    }
}
