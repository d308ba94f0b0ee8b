namespace ScanPS.Errors
{
    /// <summary>
    /// Mirrors the members of System.Management.Automation.ErrorCategory that ScanPS uses, by name,
    /// so that ScanPS.Core stays free of the PowerShell reference. The cmdlet layer converts by name
    /// (a test checks every member exists in ErrorCategory).
    /// </summary>
    public enum ScanPSErrorCategory
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        InvalidResult,
        ObjectNotFound,
        OperationStopped,
        OperationTimeout,
        PermissionDenied,
        ResourceUnavailable,
        SecurityError,
        ProtocolError,
        ConnectionError,
        AuthenticationError,
        LimitsExceeded,
        ResourceExists,
        NotInstalled,
        WriteError,
    }
}
