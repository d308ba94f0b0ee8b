namespace ScanPS.Errors
{
    /// <summary>
    /// Every error id ScanPS raises, in one place: the greppable PascalCase ids users filter on
    /// ($Error[0].FullyQualifiedErrorId) and tests assert. Code refers to these constants, never to a literal.
    /// </summary>
    public static class ErrorIds
    {
        public const string AuthenticationFailed = nameof(AuthenticationFailed);
        public const string CertificateNotTrusted = nameof(CertificateNotTrusted);
        public const string ConflictingCredentialParameters = nameof(ConflictingCredentialParameters);
        public const string ConflictingProxyCredentials = nameof(ConflictingProxyCredentials);
        public const string ConnectionFailed = nameof(ConnectionFailed);
        public const string ConnectionNameInUse = nameof(ConnectionNameInUse);
        public const string ConnectionNotFound = nameof(ConnectionNotFound);
        public const string ConnectionProviderMismatch = nameof(ConnectionProviderMismatch);
        public const string ConnectionRemoved = nameof(ConnectionRemoved);
        public const string InsecureBaseUri = nameof(InsecureBaseUri);
        public const string InvalidAgentBehavior = nameof(InvalidAgentBehavior);
        public const string InvalidAssetFilter = nameof(InvalidAssetFilter);
        public const string InvalidBaseUri = nameof(InvalidBaseUri);
        public const string InvalidCredential = nameof(InvalidCredential);
        public const string InvalidHeaderValue = nameof(InvalidHeaderValue);
        public const string InvalidProxy = nameof(InvalidProxy);
        public const string InvalidRegion = nameof(InvalidRegion);
        public const string InvalidRequest = nameof(InvalidRequest);
        public const string InvalidRetryCount = nameof(InvalidRetryCount);
        public const string InvalidScanId = nameof(InvalidScanId);
        public const string InvalidScanProfile = nameof(InvalidScanProfile);
        public const string InvalidScanType = nameof(InvalidScanType);
        public const string InvalidScheduleCombination = nameof(InvalidScheduleCombination);
        public const string InvalidStartTime = nameof(InvalidStartTime);
        public const string InvalidStateFilter = nameof(InvalidStateFilter);
        public const string InvalidTargetId = nameof(InvalidTargetId);
        public const string InvalidTeamId = nameof(InvalidTeamId);
        public const string InvalidTimeout = nameof(InvalidTimeout);
        public const string InvalidVendorResponse = nameof(InvalidVendorResponse);
        public const string MissingProviderParameter = nameof(MissingProviderParameter);
        public const string NoCredentialResolved = nameof(NoCredentialResolved);
        public const string NoScanTargets = nameof(NoScanTargets);
        public const string ParameterNotValidForProvider = nameof(ParameterNotValidForProvider);
        public const string PermissionDenied = nameof(PermissionDenied);
        public const string PrivateTemplateNotReadable = nameof(PrivateTemplateNotReadable);
        public const string ProviderMismatch = nameof(ProviderMismatch);
        public const string ProviderNotSupported = nameof(ProviderNotSupported);
        public const string ProxyAuthenticationRequired = nameof(ProxyAuthenticationRequired);
        public const string ProxyRequired = nameof(ProxyRequired);
        public const string RateLimitExceeded = nameof(RateLimitExceeded);
        public const string ResourceNotFound = nameof(ResourceNotFound);
        public const string ScanNotFound = nameof(ScanNotFound);
        public const string ScanNotRelaunched = nameof(ScanNotRelaunched);
        public const string SecretManagementNotInstalled = nameof(SecretManagementNotInstalled);
        public const string SecretNotFound = nameof(SecretNotFound);
        public const string StartTimeInPast = nameof(StartTimeInPast);
        public const string TargetsNotScheduled = nameof(TargetsNotScheduled);
        public const string UnexpectedRedirect = nameof(UnexpectedRedirect);
        public const string UnknownProvider = nameof(UnknownProvider);
        public const string UnknownTimeZone = nameof(UnknownTimeZone);
        public const string UnsupportedSecretType = nameof(UnsupportedSecretType);
        public const string VendorError = nameof(VendorError);
        public const string VendorTimeout = nameof(VendorTimeout);
        public const string VendorUnavailable = nameof(VendorUnavailable);

        // The finding commands (Compare-ScanFinding, ConvertTo-ScanSarif/JUnit, Assert-ScanFinding).
        public const string AmbiguousScans = nameof(AmbiguousScans);
        public const string FindingSeverityThreshold = nameof(FindingSeverityThreshold);
        public const string NoChangeSignal = nameof(NoChangeSignal);
        public const string NotAScanFinding = nameof(NotAScanFinding);

        // Get-ScanFinding.
        public const string TargetNotFound = nameof(TargetNotFound);
    }
}
