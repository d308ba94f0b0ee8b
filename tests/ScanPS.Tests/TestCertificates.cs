using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScanPS.Tests
{
    /// <summary>A self-signed certificate for 127.0.0.1 and localhost, for loopback HTTPS fakes.</summary>
    public static class TestCertificates
    {
        public static X509Certificate2 SelfSigned(string subject)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=" + subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            // Re-imported so Kestrel gets a certificate whose private key it can use on every platform.
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        }
    }
}
