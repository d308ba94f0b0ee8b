using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Issue 17 in a real engine: header injection through -TeamId and credentials, ids that escape their path
    /// segment, secrets printed in an encoding the redaction missed, and -ApiKey dropping the default connection's settings.
    /// </summary>
    public sealed class BadInputTests : IClassFixture<FakesFixture>
    {
        private const string Injection = "\r\nX-Injected: 1";

        private readonly Sandbox _sandbox;

        public BadInputTests(FakesFixture fixture)
        {
            _sandbox = fixture.Sandbox;
        }

        // ---- 1. header injection ----------------------------------------------------------------------------------

        public static IEnumerable<object[]> TeamIdCommands()
        {
            foreach (var teamId in new[] { "team-blue" + Injection, "tëam-blue", "team\tblue" })
            {
                yield return new object[] { "Connect-ScanProvider -Provider ProjectDiscovery -ApiKey $ScanPSKey -BaseUri $args[1] -TeamId $args[0]", "ConnectScanProviderCommand", teamId };
                yield return new object[] { "Get-Scan -Provider ProjectDiscovery -TeamId $args[0] -First 1", "GetScanCommand", teamId };
                yield return new object[] { "Get-Scan -Provider ProjectDiscovery -Id abcdefghij0123456789 -TeamId $args[0]", "GetScanCommand", teamId };
                yield return new object[] { "New-Scan -Provider ProjectDiscovery -Target example.com -TeamId $args[0] -Confirm:$false", "NewScanCommand", teamId };
            }
        }

        [Theory]
        [MemberData(nameof(TeamIdCommands))]
        public void A_team_id_with_a_control_or_non_ASCII_character_is_refused_before_any_request(string script, string command, string teamId)
        {
            using var engine = _sandbox.Connect(new Engine(), "ProjectDiscovery");
            int before = _sandbox.RequestCount;

            var result = engine.Run(script, teamId, _sandbox.BaseUri("ProjectDiscovery"));

            var error = result.SingleError();
            Assert.Equal("InvalidTeamId,ScanPS.Commands." + command, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-TeamId", Message(error));
            Assert.DoesNotContain("X-Injected", AllText(result, engine));
            Assert.Equal(before, _sandbox.RequestCount);
            Assert.Empty(result.Output);
        }

        public static IEnumerable<object[]> CredentialCommands()
        {
            const string Key = "$key = ConvertTo-SecureString $args[0] -AsPlainText -Force; ";
            const string Token = "$credential = [pscredential]::new($args[1], (ConvertTo-SecureString $args[0] -AsPlainText -Force)); ";
            string hosted = "hs-Secret-Key" + Injection;
            yield return new object[] { Key + "Get-Scan -Provider HostedScan -ApiKey $key -First 1", "GetScanCommand", "-ApiKey", hosted, "unused" };
            yield return new object[] { Key + "New-Scan -Provider HostedScan -Type NMAP -Target example.com -ApiKey $key -Confirm:$false", "NewScanCommand", "-ApiKey", hosted, "unused" };
            yield return new object[] { Key + "Connect-ScanProvider -Provider HostedScan -ApiKey $key -BaseUri $args[2]", "ConnectScanProviderCommand", "-ApiKey", hosted, "unused" };
            yield return new object[] { Key + "Get-Scan -Provider HostedScan -ApiKey $key -First 1", "GetScanCommand", "-ApiKey", "hs-Sécret-Key", "unused" };
            yield return new object[] { Key + "Get-Scan -Provider ProjectDiscovery -ApiKey $key -First 1", "GetScanCommand", "-ApiKey", "pd-Secret-Key" + Injection, "unused" };
            yield return new object[] { Key + "New-ScheduledScanBulk -TargetId 3epwuyBoKQKN -StartTime (Get-Date).AddDays(1) -TimeZone Etc/UTC -ApiKey $key -Confirm:$false", "NewScheduledScanBulkCommand", "-ApiKey", "pr-Secret-Key" + Injection, "unused" };
            yield return new object[] { Key + "Connect-ScanProvider -Provider Probely -ApiKey $key -BaseUri $args[3]", "ConnectScanProviderCommand", "-ApiKey", "pr-Secret-Key" + Injection, "unused" };
            yield return new object[] { Token + "Get-Scan -Provider Invicti -Credential $credential -First 1", "GetScanCommand", "-Credential", "iv-Secret-Token" + Injection, "test-user-id" };
            yield return new object[] { Token + "Get-Scan -Provider Invicti -Credential $credential -First 1", "GetScanCommand", "-Credential", "iv-Secret-Token", "test-user-id" + Injection };
        }

        [Theory]
        [MemberData(nameof(CredentialCommands))]
        public void A_credential_with_a_control_or_non_ASCII_character_is_refused_before_any_request(string script, string command, string parameter, string secret, string user)
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan", "ProjectDiscovery", "Invicti", "Probely");
            int before = _sandbox.RequestCount;

            var result = engine.Run(script, secret, user, _sandbox.BaseUri("HostedScan"), _sandbox.BaseUri("Probely"));

            var error = result.SingleError();
            Assert.Equal("InvalidCredential,ScanPS.Commands." + command, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(parameter, Message(error));
            string text = AllText(result, engine);
            Assert.DoesNotContain(secret.Split('\r')[0], text);
            Assert.DoesNotContain("X-Injected", text);
            Assert.Equal(before, _sandbox.RequestCount);
            Assert.Empty(result.Output);
        }

        // ---- 3. secrets in every encoding ---------------------------------------------------------------------------

        /// <summary>Printable ASCII only (a header value), with every character that JSON, URLs and HTML escape.</summary>
        private const string OddKey = "k+&'<>\"\\/ %1234567890";

        [Fact]
        public void An_API_key_the_vendor_echoes_in_any_encoding_is_not_printed_in_any_stream_or_error()
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault
            {
                Method = "GET",
                PathPrefix = "/v1/scans",
                Kind = FaultKind.Status,
                StatusCode = 401,
                Body = EchoBody(OddKey),
            });
            int before = _sandbox.HostedScanServer.Requests.Count;

            var result = engine.Run("Get-Scan -Provider HostedScan -ApiKey (ConvertTo-SecureString $args[0] -AsPlainText -Force) -First 1 -Debug -Verbose", OddKey);

            var error = result.SingleError();
            Assert.Equal("AuthenticationFailed,ScanPS.Commands.GetScanCommand", error.FullyQualifiedErrorId);
            var sent = _sandbox.HostedScanServer.Requests.Skip(before).Single();
            Assert.Equal(OddKey, sent.Header("X-HOSTEDSCAN-API-KEY"));
            Assert.Contains(result.Debug, line => line.StartsWith("HostedScan response body: ", StringComparison.Ordinal));
            AssertNoEncodingOf(OddKey, AllText(result, engine));
        }

        [Fact]
        public void An_API_key_echoed_in_a_successful_answer_is_not_in_the_debug_body()
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan");
            _sandbox.HostedScan.ValidApiKeys.Add(OddKey);
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault
            {
                Method = "GET",
                PathPrefix = "/v1/scans",
                Kind = FaultKind.Status,
                StatusCode = 200,
                Body = "{\"data\":[],\"echo\":" + EchoBody(OddKey) + "}",
            });

            var result = engine.Run("Get-Scan -Provider HostedScan -ApiKey (ConvertTo-SecureString $args[0] -AsPlainText -Force) -Debug -Verbose", OddKey);

            Assert.True(result.Terminating == null && result.Errors.Count == 0, result.Describe());
            Assert.Contains(result.Debug, line => line.StartsWith("HostedScan response body: {\"data\":[]", StringComparison.Ordinal));
            AssertNoEncodingOf(OddKey, AllText(result, engine));
        }

        [Fact]
        public void An_Invicti_token_echoed_in_its_result_string_is_not_in_the_error()
        {
            const string Token = "t+&'<>\"\\/ %5647382910";
            using var engine = _sandbox.Connect(new Engine(), "Invicti");
            string id = _sandbox.Invicti.SeedScans(1)[0];
            _sandbox.InvictiServer.Faults.Enqueue(new Fault
            {
                Method = "POST",
                PathPrefix = "/api/1.0/scans/newfromscan",
                Kind = FaultKind.Status,
                StatusCode = 200,
                Body = JsonSerializer.Serialize("The token " + Token + " may not launch scans"),
            });
            engine.Set("token", Token);

            var result = engine.Run("Start-ScanFromScan -Id $args[0] -Credential ([pscredential]::new('test-user-id', (ConvertTo-SecureString $token -AsPlainText -Force))) -Confirm:$false -Debug -Verbose", id);

            var error = result.SingleError();
            Assert.Equal("ScanNotRelaunched,ScanPS.Commands.StartScanFromScanCommand", error.FullyQualifiedErrorId);
            Assert.Contains("may not launch scans", Message(error));
            AssertNoEncodingOf(Token, AllText(result, engine));
        }

        [Fact]
        public void A_socks5_proxy_password_is_not_printed_in_the_debug_body_or_the_error_in_any_encoding()
        {
            const string Password = "p+&'<>\"é\\/0987654321";
            string proxy = "socks5://scanner:" + Password + "@proxy.example:1080";
            using var engine = _sandbox.Connect(new Engine(), "ProjectDiscovery");
            _sandbox.ProjectDiscoveryServer.Faults.Enqueue(new Fault
            {
                Method = "POST",
                PathPrefix = "/v1/scans",
                Kind = FaultKind.Status,
                StatusCode = 400,
                Body = EchoBody(Password) + "\n",
            });
            int before = _sandbox.ProjectDiscoveryServer.Requests.Count;

            var result = engine.Run("New-Scan -Provider ProjectDiscovery -Target example.com -Socks5Proxy $args[0] -Debug -Verbose -Confirm:$false", proxy);

            var error = result.SingleError();
            Assert.Equal("InvalidRequest,ScanPS.Commands.NewScanCommand", error.FullyQualifiedErrorId);
            var sent = _sandbox.ProjectDiscoveryServer.Requests.Skip(before).Single();
            Assert.Equal(proxy, JsonDocument.Parse(sent.Body).RootElement.GetProperty("socks5_proxy").GetString());
            Assert.Contains(result.Debug, line => line.Contains("request body: {", StringComparison.Ordinal));
            string text = AllText(result, engine);
            AssertNoEncodingOf(Password, text);
            AssertNoEncodingOf("scanner:" + Password, text);
        }

        [Fact]
        public void A_proxy_address_with_a_password_in_it_is_refused_without_printing_the_password()
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan");
            int before = _sandbox.RequestCount;

            var result = engine.Run("Connect-ScanProvider -Provider HostedScan -Name viaproxy -ApiKey $ScanPSKey -BaseUri $args[1] -Proxy $args[0] -PassThru", "http://proxyuser:Proxy-Pa55word@127.0.0.1:3128/", _sandbox.BaseUri("HostedScan"));

            var error = result.SingleError();
            Assert.Equal("InvalidProxy,ScanPS.Commands.ConnectScanProviderCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-ProxyCredential", Message(error));
            Assert.DoesNotContain("Pa55word", AllText(result, engine));
            Assert.Equal(before, _sandbox.RequestCount);
            Assert.Empty(engine.Run("Get-ScanProviderConnection -Name viaproxy -ErrorAction SilentlyContinue").Output);
        }

        [Theory]
        [InlineData("Get-Scan -Provider HostedScan -BaseUri $args[0] -First 1", "GetScanCommand")]
        [InlineData("New-Scan -Provider HostedScan -Type NMAP -Target example.com -BaseUri $args[0] -WhatIf", "NewScanCommand")]
        [InlineData("Connect-ScanProvider -Provider HostedScan -Name withpassword -ApiKey $ScanPSKey -BaseUri $args[0] -PassThru", "ConnectScanProviderCommand")]
        public void A_base_URI_with_a_password_in_it_is_refused_without_printing_the_password(string script, string command)
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan");
            var withPassword = new UriBuilder(_sandbox.HostedScanServer.BaseUri) { UserName = "apiuser", Password = "Base-Pa55word" }.Uri.ToString();
            int before = _sandbox.RequestCount;

            var result = engine.Run(script + " -Verbose", withPassword);

            var error = result.SingleError();
            Assert.Equal("InvalidBaseUri,ScanPS.Commands." + command, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-ApiKey or -Credential", Message(error));
            Assert.DoesNotContain("Pa55word", AllText(result, engine));
            Assert.Equal(before, _sandbox.RequestCount);
            Assert.Empty(result.Output);
        }

        // ---- 4. ids that leave their path segment ------------------------------------------------------------------

        public static IEnumerable<object[]> BadScanIds()
        {
            foreach (var provider in new[] { "HostedScan", "ProjectDiscovery" })
            {
                foreach (var id in new[] { "..", ".", " ", "a/b", "..\\x", "a?b=1", "a#b", "%2e%2e", "a\nb", " .. " })
                {
                    yield return new object[] { provider, id };
                }
            }
        }

        [Theory]
        [MemberData(nameof(BadScanIds))]
        public void Get_Scan_refuses_an_id_that_is_not_one_path_segment_before_any_request(string provider, string id)
        {
            using var engine = _sandbox.Connect(new Engine(), provider);
            int before = _sandbox.RequestCount;

            var result = engine.Run("Get-Scan -Provider $args[0] -Id $args[1]", provider, id);

            var error = result.SingleError();
            Assert.Null(result.Terminating);
            Assert.Equal("InvalidScanId,ScanPS.Commands.GetScanCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(before, _sandbox.RequestCount);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void Get_Scan_reports_a_bad_id_and_still_gets_the_good_ones()
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan", "ProjectDiscovery");
            string hosted = _sandbox.HostedScan.SeedScans(1)[0];
            string pd = _sandbox.ProjectDiscovery.SeedScans(1)[0];
            int before = _sandbox.HostedScanServer.Requests.Count;

            var result = engine.Run("Get-Scan -Provider HostedScan -Id ('  ' + $args[0] + ' '), '..'; Get-Scan -Provider ProjectDiscovery -Id $args[1]", hosted, pd);

            Assert.Null(result.Terminating);
            Assert.Equal(new[] { hosted, pd }, result.Output.Select(o => (string)o.Properties["Id"].Value).ToArray());
            Assert.Equal("InvalidScanId,ScanPS.Commands.GetScanCommand", result.Errors.Single().FullyQualifiedErrorId);
            var sent = _sandbox.HostedScanServer.Requests.Skip(before).Single();
            Assert.Equal(("GET", "/v1/scans/" + hosted), (sent.Method, sent.Path));
        }

        public static IEnumerable<object[]> OtherIdCommands()
        {
            yield return new object[] { "Start-ScanFromScan -Id $args[0] -Confirm:$false", "StartScanFromScanCommand", "InvalidScanId", ".." };
            yield return new object[] { "Start-ScanFromScan -Id $args[0] -Confirm:$false", "StartScanFromScanCommand", "InvalidScanId", " " };
            yield return new object[] { "New-ScheduledScanBulk -TargetId $args[0] -StartTime (Get-Date).AddDays(1) -TimeZone Etc/UTC -Confirm:$false", "NewScheduledScanBulkCommand", "InvalidTargetId", ".." };
            yield return new object[] { "New-ScheduledScanBulk -TargetId 3epwuyBoKQKN, $args[0] -StartTime (Get-Date).AddDays(1) -TimeZone Etc/UTC -Confirm:$false", "NewScheduledScanBulkCommand", "InvalidTargetId", "3epwuy/BoKQKN" };
            yield return new object[] { "New-Scan -Provider HostedScan -Type NMAP -TargetId $args[0] -Confirm:$false", "NewScanCommand", "InvalidTargetId", "../61918df1ed4b650040af5b0a" };
            yield return new object[] { "New-Scan -Provider HostedScan -Type NMAP -TargetId 61918df1ed4b650040af5b0a, $args[0] -Confirm:$false", "NewScanCommand", "InvalidTargetId", "a?b" };
        }

        [Theory]
        [MemberData(nameof(OtherIdCommands))]
        public void Other_commands_refuse_an_id_that_is_not_one_path_segment_before_any_request(string script, string command, string errorId, string id)
        {
            using var engine = _sandbox.Connect(new Engine());
            int before = _sandbox.RequestCount;

            var result = engine.Run(script, id);

            var error = result.SingleError();
            Assert.Equal(errorId + ",ScanPS.Commands." + command, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(before, _sandbox.RequestCount);
            Assert.Empty(result.Output);
        }

        // ---- 7. -ApiKey keeps the default connection's settings ------------------------------------------------------

        [Fact]
        public void ApiKey_on_a_command_replaces_only_the_secret_of_the_default_connection()
        {
            using var engine = _sandbox.Connect(new Engine(), "HostedScan");
            string id = _sandbox.HostedScan.SeedScans(1)[0];
            int before = _sandbox.HostedScanServer.Requests.Count;

            var result = engine.Run("Get-Scan -Provider HostedScan -Id $args[0] -ApiKey (ConvertTo-SecureString 'test-data-key' -AsPlainText -Force)", id);

            Assert.True(result.Terminating == null && result.Errors.Count == 0, result.Describe());
            Assert.Equal(id, result.Output.Single().Properties["Id"].Value);
            var sent = _sandbox.HostedScanServer.Requests.Skip(before).Single();
            Assert.Equal(("GET", "/v1/scans/" + id, "test-data-key"), (sent.Method, sent.Path, sent.Header("X-HOSTEDSCAN-API-KEY")));
        }

        [Fact]
        public void ApiKey_on_a_command_keeps_the_default_connections_team_and_Invicti_user_id()
        {
            using var engine = new Engine();
            engine.Set("pdUri", _sandbox.BaseUri("ProjectDiscovery")).Set("ivUri", _sandbox.BaseUri("Invicti"));
            engine.Run(@"
$ScanPSKey = ConvertTo-SecureString 'test-key' -AsPlainText -Force
Connect-ScanProvider -Provider ProjectDiscovery -ApiKey $ScanPSKey -BaseUri $pdUri -TeamId team-blue -SkipValidation
Connect-ScanProvider -Provider Invicti -Credential ([pscredential]::new('test-user-id', (ConvertTo-SecureString 'wrong-token' -AsPlainText -Force))) -BaseUri $ivUri -SkipValidation").ThrowIfFailed();
            string pd = _sandbox.ProjectDiscovery.SeedScans(1, "team-blue")[0];
            string iv = _sandbox.Invicti.SeedScans(1)[0];
            int pdBefore = _sandbox.ProjectDiscoveryServer.Requests.Count;
            int ivBefore = _sandbox.InvictiServer.Requests.Count;

            var result = engine.Run(@"
Get-Scan -Provider ProjectDiscovery -Id $args[0] -ApiKey (ConvertTo-SecureString 'test-data-key' -AsPlainText -Force)
Get-Scan -Provider Invicti -Id $args[1] -ApiKey (ConvertTo-SecureString 'test-token' -AsPlainText -Force)", pd, iv);

            Assert.True(result.Terminating == null && result.Errors.Count == 0, result.Describe());
            Assert.Equal(new[] { pd, iv }, result.Output.Select(o => (string)o.Properties["Id"].Value).ToArray());
            var pdSent = _sandbox.ProjectDiscoveryServer.Requests.Skip(pdBefore).Single();
            Assert.Equal(("/v1/scans/" + pd, "test-data-key", "team-blue"), (pdSent.Path, pdSent.Header("X-API-Key"), pdSent.Header("X-Team-Id")));
            var ivSent = _sandbox.InvictiServer.Requests.Skip(ivBefore).Single();
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("test-user-id:test-token")), ivSent.Header("Authorization"));
        }

        // ---- helpers ----------------------------------------------------------------------------------------------

        private static string Message(ErrorRecord error) => error.ErrorDetails?.Message ?? error.Exception.Message;

        /// <summary>
        /// A JSON error body that carries the secret as a vendor would: in its message (strict JSON escaping), and
        /// relaxed-escaped, URL-encoded (data and form), HTML-escaped and base64-encoded in other fields.
        /// </summary>
        private static string EchoBody(string secret)
        {
            string relaxed = JsonSerializer.Serialize(secret, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Trim('"');
            return "{\"error\":" + JsonSerializer.Serialize("the key " + secret + " is not valid") +
                ",\"relaxed\":\"" + relaxed + "\"" +
                ",\"url\":\"" + Uri.EscapeDataString(secret) + "\"" +
                ",\"form\":\"" + System.Net.WebUtility.UrlEncode(secret) + "\"" +
                ",\"base64\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)) + "\"" +
                ",\"html\":\"" + System.Net.WebUtility.HtmlEncode(secret) + "\"}";
        }

        /// <summary>How a secret can be written: as is, JSON-escaped (strict and relaxed), URL-encoded (data and form), HTML-escaped, base64.</summary>
        private static IEnumerable<string> Encodings(string secret)
        {
            yield return secret;
            yield return JsonSerializer.Serialize(secret).Trim('"');
            yield return JsonSerializer.Serialize(secret, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Trim('"');
            yield return Uri.EscapeDataString(secret);
            yield return System.Net.WebUtility.UrlEncode(secret);
            yield return System.Net.WebUtility.HtmlEncode(secret);
            yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        }

        private static void AssertNoEncodingOf(string secret, string text)
        {
            foreach (var encoded in Encodings(secret).Distinct())
            {
                Assert.False(text.Contains(encoded, StringComparison.Ordinal), "The secret appears as '" + encoded + "' in:\n" + text);
            }

            // The tail is in every textual encoding, and unique to the secret.
            string tail = secret.Substring(secret.Length - 10);
            Assert.False(text.Contains(tail, StringComparison.Ordinal), "A part of the secret appears in:\n" + text);
        }

        /// <summary>Everything a user could see: every stream, the console, every error's texts and target, the output.</summary>
        private static string AllText(EngineResult result, Engine engine)
        {
            var parts = new List<string>();
            parts.AddRange(result.Debug);
            parts.AddRange(result.Verbose);
            parts.AddRange(result.Warnings);
            parts.AddRange(result.Information);
            parts.Add(engine.Host.Console);
            var errors = result.Errors.ToList();
            if (result.Terminating != null) errors.Add(result.Terminating.ErrorRecord);
            foreach (var error in errors)
            {
                parts.Add(error.ToString());
                parts.Add(error.FullyQualifiedErrorId);
                parts.Add(error.ErrorDetails?.Message ?? string.Empty);
                parts.Add(error.ErrorDetails?.RecommendedAction ?? string.Empty);
                parts.Add(error.CategoryInfo.ToString());
                parts.Add(Describe(error.TargetObject));
                for (Exception? ex = error.Exception; ex != null; ex = ex.InnerException) parts.Add(ex.Message);
            }

            foreach (var output in result.Output)
            {
                parts.Add(output.ToString());
                parts.AddRange(output.Properties.Select(p => SafeValue(p)));
            }

            return string.Join("\n", parts);
        }

        private static string Describe(object? value) =>
            value is System.Collections.IEnumerable list && !(value is string)
                ? string.Join(", ", list.Cast<object?>().Select(v => v?.ToString()))
                : value?.ToString() ?? string.Empty;

        private static string SafeValue(PSPropertyInfo property)
        {
            try
            {
                return Describe(property.Value);
            }
            catch (GetValueException)
            {
                return string.Empty;
            }
        }
    }
}
