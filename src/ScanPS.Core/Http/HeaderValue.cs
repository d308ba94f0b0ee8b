using System.Net.Http;
using ScanPS.Errors;

namespace ScanPS.Http
{
    /// <summary>
    /// The one check on every value ScanPS puts in a request header (an API key, a Basic value, a team id): printable
    /// ASCII only. A CR or LF would end the header and start one of the caller's choosing ("X-Injected: 1" reached
    /// the server); other control and non-ASCII characters fail only inside HttpClient, which reads as a network
    /// failure that "may or may not" have acted and is retried. Inputs are checked where their parameter is known
    /// (the error then names it); <see cref="Add"/> is the backstop for every header an authorizer sets.
    /// </summary>
    public static class HeaderValue
    {
        public static bool IsValid(string? value)
        {
            if (value == null) return false;
            foreach (char c in value)
            {
                if (c < 0x20 || c > 0x7E) return false;
            }

            return true;
        }

        /// <summary>What is wrong with a value that is not <see cref="IsValid"/>, without showing it.</summary>
        public const string Problem = "has a line break, another control character or a non-ASCII character; it is sent in an HTTP header, which takes printable ASCII only";

        /// <summary>Adds the header, or throws InvalidHeaderValue (naming the header, never the value) before anything is sent.</summary>
        public static void Add(HttpRequestMessage message, string name, string value)
        {
            if (!IsValid(value))
            {
                throw new ScanPSError(
                    ErrorIds.InvalidHeaderValue,
                    ScanPSErrorCategory.InvalidArgument,
                    "The value for the " + name + " header " + Problem + ". Nothing was sent.",
                    name)
                { RecommendedAction = "Check the credential and team id for line breaks or stray characters." }.ToException();
            }

            message.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
