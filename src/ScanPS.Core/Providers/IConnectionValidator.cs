using ScanPS.Errors;
using System.Threading;
using System.Threading.Tasks;

namespace ScanPS.Providers
{
    /// <summary>A provider that can check a credential with its cheapest read call (Connect-ScanProvider).</summary>
    public interface IConnectionValidator
    {
        /// <summary>Throws ScanPSException (AuthenticationFailed, PermissionDenied, ConnectionFailed …) when the vendor refuses.</summary>
        Task ValidateCredentialAsync(CancellationToken cancellationToken);
    }
}
