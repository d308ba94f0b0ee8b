using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ScanPS.Auth
{
    /// <summary>
    /// A vendor API key kept as a SecureString until a request header is built. ToString never shows it.
    /// </summary>
    public sealed class ApiKeyCredential
    {
        private readonly SecureString _secret;

        public ApiKeyCredential(SecureString secret, string source, string? userName = null)
        {
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            _secret = secret.Copy();
            _secret.MakeReadOnly();
            Source = source ?? throw new ArgumentNullException(nameof(source));
            UserName = userName;
        }

        /// <summary>Where the key came from, e.g. "the -ApiKey parameter" or "environment variable SCANPS_HOSTEDSCAN_API_KEY".</summary>
        public string Source { get; }

        /// <summary>User name, for vendors that pair it with the key (Invicti's API user id). Not a secret.</summary>
        public string? UserName { get; }

        public bool IsEmpty => _secret.Length == 0;

        /// <summary>True when the secret can be sent in a header (printable ASCII: no line break that would start another header).</summary>
        internal bool IsHeaderSafe => Http.HeaderValue.IsValid(Reveal());

        /// <summary>The same secret and user name, described by another source (a stored connection).</summary>
        public ApiKeyCredential WithSource(string source) => new ApiKeyCredential(_secret, source, UserName);

        /// <summary>The same secret paired with a user name found elsewhere (an environment variable).</summary>
        public ApiKeyCredential WithUserName(string userName) => new ApiKeyCredential(_secret, Source, userName);

        public static SecureString ToSecureString(string plain)
        {
            var secure = new SecureString();
            foreach (char c in plain) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>The plain key, only for building the request header (or redacting text).</summary>
        internal string Reveal()
        {
            IntPtr ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(_secret);
                return Marshal.PtrToStringUni(ptr) ?? string.Empty;
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }

        /// <summary>Replaces every occurrence of the key in <paramref name="text"/>, in any encoding (<see cref="Http.SecretPattern"/>), with a mask.</summary>
        public string Redact(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Redaction()(text!);

        /// <summary>The redaction of this key for a session's log, its search pattern built once.</summary>
        public Func<string, string> Redaction() => Http.SecretPattern.Redaction(Reveal());

        /// <summary>"****" plus the last four characters, and only for keys of 16 characters or more (else "****").</summary>
        public string Hint()
        {
            if (_secret.Length < 16) return "****";
            string plain = Reveal();
            return "****" + plain.Substring(plain.Length - 4);
        }

        public override string ToString() => "API key from " + Source;
    }
}
