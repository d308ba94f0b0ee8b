using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;

namespace ScanPS.Providers
{
    /// <summary>A provider that can check a credential with its cheapest read call (Connect-ScanProvider).</summary>
    public interface IConnectionValidator
    {
        /// <summary>Throws ScanPSException (AuthenticationFailed, PermissionDenied, ConnectionFailed …) when the vendor refuses.</summary>
        Task ValidateCredentialAsync(CancellationToken cancellationToken);
    }
}
