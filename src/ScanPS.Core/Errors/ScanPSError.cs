using System;

namespace ScanPS.Errors
{
    /// <summary>
    /// Everything the cmdlet layer needs to build an ErrorRecord: a PascalCase id, a deliberate category,
    /// the message, the vendor's own text (ErrorDetails) and a recommended action.
    /// </summary>
    public sealed class ScanPSError
    {
        public ScanPSError(string errorId, ScanPSErrorCategory category, string message, object? targetObject = null)
        {
            ErrorId = errorId ?? throw new ArgumentNullException(nameof(errorId));
            Category = category;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            TargetObject = targetObject;
        }

        public string ErrorId { get; }
        public ScanPSErrorCategory Category { get; }
        public string Message { get; }
        public object? TargetObject { get; set; }

        /// <summary>The vendor's own words (body text), shown by PowerShell as ErrorDetails.</summary>
        public string? Details { get; set; }

        public string? RecommendedAction { get; set; }

        /// <summary>HTTP status of the vendor answer, when there was one.</summary>
        public int? StatusCode { get; set; }

        /// <summary>The vendor's request or error id (from headers or body), when it gave one.</summary>
        public string? VendorRequestId { get; set; }

        public Exception? InnerException { get; set; }

        /// <summary>
        /// What PowerShell shows for the error (ErrorDetails): the message, with the vendor's request or error id
        /// when it gave one and the message does not already carry it, so a support ticket can quote it.
        /// </summary>
        public string DetailsMessage =>
            string.IsNullOrEmpty(VendorRequestId) || Message.IndexOf(VendorRequestId, StringComparison.Ordinal) >= 0
                ? Message
                : Message + " (request id " + VendorRequestId + ")";

        public ScanPSException ToException() => new ScanPSException(this);

        public override string ToString() => ErrorId + ": " + Message;
    }

    /// <summary>An exception that carries a <see cref="ScanPSError"/>; the cmdlet layer turns it into an ErrorRecord.</summary>
    public sealed class ScanPSException : Exception
    {
        public ScanPSException(ScanPSError error)
            : base(error.Message, error.InnerException)
        {
            Error = error;
        }

        public ScanPSError Error { get; }

        public string ErrorId => Error.ErrorId;
    }
}
