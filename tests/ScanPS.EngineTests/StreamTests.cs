using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Verbose, debug, warning and error streams as a script sees them: the request and retry lines behind -Verbose,
    /// the bodies behind -Debug (never a secret), -ErrorAction/-ErrorVariable/-WarningAction/-WarningVariable and the
    /// preference variables, driven by the fakes' fault injector.
    /// </summary>
    public sealed class StreamTests : IClassFixture<FakesFixture>
    {
        private readonly Sandbox _sandbox;

        public StreamTests(FakesFixture fixture) => _sandbox = fixture.Reset();

        private string Root(string provider) => _sandbox.Server(provider).BaseUri.ToString();

        private Engine Connected(params string[] providers) => _sandbox.Connect(new Engine(), providers);

        private static string Attempt(string provider, string method, string url, string status, int attempt) =>
            "^" + Regex.Escape(provider + " " + method + " " + url + " -> " + status + " (") + "\\d+" + Regex.Escape(" ms, attempt " + attempt + ")") + "$";

        private string UsingLine(string provider, string source = "the -ApiKey parameter") =>
            "Using " + provider + " at " + Root(provider) + " with the API key from connection '" + provider + "' (" + source + ").";

        [Fact]
        public void Verbose_names_service_address_and_key_source_and_one_line_per_attempt()
        {
            var id = _sandbox.HostedScan.SeedScans(1)[0];
            using var engine = Connected("HostedScan");

            var result = engine.Run("Get-Scan -Provider HostedScan -Id $args[0] -Verbose", id).ThrowIfFailed();

            Assert.Single(result.Output);
            Assert.Collection(
                result.Verbose,
                line => Assert.Equal(UsingLine("HostedScan"), line),
                line => Assert.Matches(Attempt("HostedScan", "GET", Root("HostedScan") + "v1/scans/" + id, "200 OK", 1), line));
            Assert.Empty(result.Debug); // bodies only with -Debug
        }

        [Fact]
        public void VerbosePreference_in_the_session_shows_the_lines_and_Verbose_false_hides_them()
        {
            var id = _sandbox.HostedScan.SeedScans(1)[0];
            using var engine = Connected("HostedScan");

            var shown = engine.Run("$VerbosePreference = 'Continue'; Get-Scan -Provider HostedScan -Id $args[0] | Out-Null", id).ThrowIfFailed();
            var hidden = engine.Run("$VerbosePreference = 'Continue'; Get-Scan -Provider HostedScan -Id $args[0] -Verbose:$false | Out-Null", id).ThrowIfFailed();

            Assert.Equal(2, shown.Verbose.Count);
            Assert.Equal(UsingLine("HostedScan"), shown.Verbose[0]);
            Assert.Empty(hidden.Verbose);
        }

        [Fact]
        public void Connect_and_Disconnect_say_what_they_stored_and_removed()
        {
            using var engine = new Engine();
            _sandbox.Connect(engine, "Probely"); // sets $ScanPSKey
            engine.Run("Disconnect-ScanProvider -Provider Probely").ThrowIfFailed();

            var connect = engine.Run("Connect-ScanProvider -Provider Probely -Name checked -ApiKey $ScanPSKey -BaseUri $args[0] -Verbose", _sandbox.BaseUri("Probely")).ThrowIfFailed();
            var disconnect = engine.Run("$c = Get-ScanProviderConnection -Name checked; Disconnect-ScanProvider -Connection $c -Verbose; $c | Disconnect-ScanProvider -Verbose").ThrowIfFailed();

            Assert.Empty(connect.Output); // no -PassThru
            Assert.Collection(
                connect.Verbose,
                line => Assert.Equal("Using Probely at " + Root("Probely") + " with the API key from connection 'checked' (the -ApiKey parameter).", line),
                line => Assert.Matches(Attempt("Probely", "GET", Root("Probely") + "targets/?page=1&length=1", "200 OK", 1), line),
                line => Assert.Equal("Stored Probely connection 'checked' (****) as the Probely default; the credential was accepted.", line));
            const string Target = "Performing the operation \"Remove the connection from this session\" on target \"Probely connection 'checked' (****)\".";
            Assert.Equal(new[] { Target, Target, "Probely connection 'checked' (****) was already removed." }, disconnect.Verbose);
        }

        [Fact]
        public void A_read_retries_429_after_the_vendors_Retry_After_and_503_after_backoff_and_says_so()
        {
            var id = _sandbox.HostedScan.SeedScans(1)[0];
            using var engine = Connected("HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 429, RetryAfter = "1" });
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 503 });
            var clock = Stopwatch.StartNew();

            var result = engine.Run("Get-Scan -Provider HostedScan -Id $args[0] -Verbose", id).ThrowIfFailed();

            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "Retry-After: 1 was not waited for");
            Assert.Equal(id, Assert.Single(result.Output).Properties["Id"].Value);
            string url = Root("HostedScan") + "v1/scans/" + id;
            Assert.Collection(
                result.Verbose,
                line => Assert.Equal(UsingLine("HostedScan"), line),
                line => Assert.Matches(Attempt("HostedScan", "GET", url, "429 Too Many Requests", 1), line),
                line => Assert.Equal("HostedScan retrying GET /v1/scans/" + id + " after 429 in 1 s (Retry-After).", line),
                line => Assert.Matches(Attempt("HostedScan", "GET", url, "503 Service Unavailable", 2), line),
                line => Assert.Matches("^" + Regex.Escape("HostedScan retrying GET /v1/scans/" + id + " after 503 in ") + "\\d+(\\.\\d)? m?s" + Regex.Escape(" (backoff).") + "$", line),
                line => Assert.Matches(Attempt("HostedScan", "GET", url, "200 OK", 3), line));
            Assert.Equal(3, _sandbox.HostedScanServer.Requests.Count);
        }

        [Fact]
        public void A_read_that_times_out_is_retried_and_a_second_time_out_is_a_non_terminating_VendorTimeout()
        {
            var id = _sandbox.HostedScan.SeedScans(1)[0];
            using var engine = Connected();
            engine.Run("Connect-ScanProvider -Provider HostedScan -Name slow -ApiKey $ScanPSKey -BaseUri $args[0] -TimeoutSec 1 -MaximumRetryCount 1 -SkipValidation", _sandbox.BaseUri("HostedScan")).ThrowIfFailed();
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(5), Times = 2 });

            var result = engine.Run("try { Get-Scan -Provider HostedScan -Id $args[0] -Connection slow -Verbose } catch { 'caught' }", id);

            Assert.Empty(result.Output); // one id among possibly several: not terminating
            var error = Assert.Single(result.Errors);
            ErrorAssert.Is(error, "VendorTimeout", "GetScanCommand", ErrorCategory.OperationTimeout);
            Assert.Equal("HostedScan did not answer GET /v1/scans/" + id + " in time (1 s, after 2 attempts).", error.ErrorDetails.Message);
            string url = Root("HostedScan") + "v1/scans/" + id;
            Assert.Collection(
                result.Verbose,
                line => Assert.StartsWith("Using HostedScan at " + Root("HostedScan"), line),
                line => Assert.Matches(Attempt("HostedScan", "GET", url, "cancelled or timed out", 1), line),
                line => Assert.Matches("^" + Regex.Escape("HostedScan retrying GET /v1/scans/" + id + " after TimeoutRejectedException in "), line),
                line => Assert.Matches(Attempt("HostedScan", "GET", url, "cancelled or timed out", 2), line));
            Assert.Equal(2, _sandbox.HostedScanServer.Requests.Count);
        }

        [Fact]
        public void Debug_with_Verbose_adds_the_request_and_response_bodies()
        {
            var id = _sandbox.HostedScan.SeedScans(1)[0];
            using var engine = Connected("HostedScan");

            var read = engine.Run("Get-Scan -Provider HostedScan -Id $args[0] -Debug -Verbose | Out-Null", id).ThrowIfFailed();
            var created = engine.Run("New-Scan -Provider HostedScan -Type NMAP -Target example.com -Debug -Verbose").ThrowIfFailed();

            Assert.Equal(2, read.Verbose.Count);
            Assert.StartsWith("HostedScan response body: {\"data\":{\"id\":\"" + id + "\"", Assert.Single(read.Debug));
            Assert.Equal(3, created.Verbose.Count); // the key source, ShouldProcess's own line, the attempt
            Assert.Equal(2, created.Debug.Count);
            Assert.Equal("HostedScan POST " + Root("HostedScan") + "v1/scans request body: {\"type\":\"NMAP\",\"targets\":[\"example.com\"]}", created.Debug[0]);
            Assert.StartsWith("HostedScan response body: {\"data\":{\"id\":\"" + created.Output.Single().Properties["Id"].Value + "\"", created.Debug[1]);
            Assert.Empty(engine.Host.Prompts);
        }

        /// <summary>
        /// -Debug alone makes PowerShell ask "Continue with this operation?" before every verbose line of a compiled
        /// cmdlet (it sets the verbose preference to Inquire). The request lines then come as debug lines, with the
        /// bodies, and nothing asks, so -Debug works in a script or a non-interactive session.
        /// </summary>
        [Fact]
        public void Debug_alone_shows_the_request_lines_and_bodies_without_asking()
        {
            var id = _sandbox.HostedScan.SeedScans(1)[0];
            using var engine = Connected("HostedScan");

            var read = engine.Run("Get-Scan -Provider HostedScan -Id $args[0] -Debug", id).ThrowIfFailed();
            var created = engine.Run("New-Scan -Provider HostedScan -Type NMAP -Target example.com -Debug").ThrowIfFailed();

            Assert.Empty(engine.Host.Prompts);
            Assert.Equal(id, Assert.Single(read.Output).Properties["Id"].Value);
            Assert.Empty(read.Verbose);
            Assert.Collection(
                read.Debug,
                line => Assert.Equal(UsingLine("HostedScan"), line),
                line => Assert.Matches(Attempt("HostedScan", "GET", Root("HostedScan") + "v1/scans/" + id, "200 OK", 1), line),
                line => Assert.StartsWith("HostedScan response body: {\"data\":{\"id\":\"" + id + "\"", line));
            Assert.Single(created.Output);
            Assert.Collection(
                created.Debug,
                line => Assert.Equal(UsingLine("HostedScan"), line),
                line => Assert.Equal("HostedScan POST " + Root("HostedScan") + "v1/scans request body: {\"type\":\"NMAP\",\"targets\":[\"example.com\"]}", line),
                line => Assert.Matches(Attempt("HostedScan", "POST", Root("HostedScan") + "v1/scans", "200 OK", 1), line),
                line => Assert.StartsWith("HostedScan response body: {\"data\":{\"id\":\"", line));
        }

        [Fact]
        public void ErrorAction_SilentlyContinue_keeps_the_error_in_Error_and_ErrorVariable_and_the_other_ids_come_out()
        {
            var ids = _sandbox.HostedScan.SeedScans(2);
            using var engine = Connected("HostedScan");

            var result = engine.Run(@"
$Error.Clear()
$scans = Get-Scan -Provider HostedScan -Id $args[0], 'nosuchscan', $args[1] -ErrorAction SilentlyContinue -ErrorVariable ev
$succeeded = $?
[pscustomobject]@{ Ids = @($scans.Id); Succeeded = $succeeded; ErrorCount = $Error.Count; First = $Error[0]; Ev = @($ev); SameRecord = [object]::ReferenceEquals($Error[0], $ev[0]) }", ids[0], ids[1]);

            Assert.Empty(result.Errors); // nothing on the error stream
            var row = result.Output.Single();
            Assert.Equal(new[] { ids[0], ids[1] }, ErrorAssert.Strings(row, "Ids"));
            Assert.Equal(false, ErrorAssert.Property(row, "Succeeded"));
            Assert.Equal(1, ErrorAssert.Property(row, "ErrorCount"));
            var record = (ErrorRecord)ErrorAssert.Property(row, "First")!;
            ErrorAssert.Is(record, "ScanNotFound", "GetScanCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal("nosuchscan", record.TargetObject);
            Assert.Equal(true, ErrorAssert.Property(row, "SameRecord"));
            Assert.Single((object[])ErrorAssert.Property(row, "Ev")!);
        }

        [Fact]
        public void ErrorAction_Ignore_leaves_no_trace_and_Continue_writes_the_error_stream()
        {
            var ids = _sandbox.HostedScan.SeedScans(1);
            using var engine = Connected("HostedScan");

            var ignored = engine.Run("$Error.Clear(); (Get-Scan -Provider HostedScan -Id 'nosuchscan', $args[0] -ErrorAction Ignore -ErrorVariable ev).Id; $Error.Count; $ev.Count", ids[0]);
            var continued = engine.Run("Get-Scan -Provider HostedScan -Id 'nosuchscan', $args[0] | ForEach-Object Id", ids[0]);

            Assert.Empty(ignored.Errors);
            Assert.Equal(new object[] { ids[0], 0, 0 }, ignored.BaseObjects);
            Assert.Equal(new object[] { ids[0] }, continued.BaseObjects);
            ErrorAssert.Is(Assert.Single(continued.Errors), "ScanNotFound", "GetScanCommand", ErrorCategory.ObjectNotFound);
        }

        [Fact]
        public void ErrorAction_Stop_and_ErrorActionPreference_Stop_end_at_the_first_missing_id()
        {
            var ids = _sandbox.HostedScan.SeedScans(2);
            using var engine = Connected("HostedScan");

            engine.Set("first", ids[0]).Set("second", ids[1]);

            var result = engine.Run(@"
foreach ($stop in { Get-Scan -Provider HostedScan -Id $first, 'nosuchscan', $second -ErrorAction Stop },
                  { $ErrorActionPreference = 'Stop'; Get-Scan -Provider HostedScan -Id $first, 'nosuchscan', $second }) {
    try { & $stop | ForEach-Object { 'got ' + $_.Id } } catch { 'caught {0} {1} {2}' -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, $_.TargetObject }
}");

            Assert.Empty(result.Errors);
            string caught = "caught ScanNotFound,ScanPS.Commands.GetScanCommand ObjectNotFound nosuchscan";
            Assert.Equal(new object[] { "got " + ids[0], caught, "got " + ids[0], caught }, result.BaseObjects);
            Assert.Equal(4, _sandbox.HostedScanServer.Requests.Count); // the id after the missing one was never asked for
        }

        [Fact]
        public void WarningAction_SilentlyContinue_hides_the_warning_and_WarningVariable_still_holds_it()
        {
            var id = _sandbox.HostedScan.SeedScans(1)[0];
            using var engine = Connected("HostedScan");
            const string Warning = "-SkipCertificateCheck: the certificate of 127.0.0.1 is not checked for this command. Anyone on the network path could read the HostedScan credential.";

            var shown = engine.Run("Get-Scan -Provider HostedScan -Id $args[0] -SkipCertificateCheck | Out-Null", id).ThrowIfFailed();
            var hidden = engine.Run("Get-Scan -Provider HostedScan -Id $args[0] -SkipCertificateCheck -WarningAction SilentlyContinue -WarningVariable wv | Out-Null; $wv | ForEach-Object Message", id).ThrowIfFailed();

            Assert.Equal(new[] { Warning }, shown.Warnings);
            Assert.Empty(hidden.Warnings);
            Assert.Equal(new object[] { Warning }, hidden.BaseObjects);
        }

        public static TheoryData<string> Providers() => new TheoryData<string> { "HostedScan", "ProjectDiscovery", "Invicti", "Probely" };

        /// <summary>
        /// A canary key the fake accepts and one it refuses, through every command of the provider with -Verbose and
        /// -Debug: success, -WhatIf, 401 (a read and Connect-ScanProvider's check), 400 and 500 answers whose bodies
        /// quote the key (a vendor echoing the header back), and malformed JSON. No stream, error, output object or
        /// console line holds either key, nor Invicti's Basic value; the key went to the vendor in its header only.
        /// </summary>
        [Theory]
        [MemberData(nameof(Providers))]
        public void No_secret_reaches_any_stream_error_output_or_the_console(string provider)
        {
            string secret = "canary-" + provider.ToLowerInvariant() + "-7f3a9c1e5b2d4a60";
            string wrong = "canary-wrong-" + provider.ToLowerInvariant() + "-0d9e8f7a6b5c";
            const string User = "canary-user-4d2e";
            var server = _sandbox.Server(provider);
            string basic = provider == "Invicti" ? "; Basic " + Basic(User, secret) : string.Empty;
            string echo = "{\"error\":\"key " + secret + " refused" + basic + "\",\"message\":\"key " + secret + " refused\",\"detail\":\"key " + secret + "\"}";
            var refusal = new Fault { Kind = FaultKind.Status, StatusCode = 400, Body = echo };
            var failure = new Fault { Kind = FaultKind.Status, StatusCode = 500, Body = echo };
            var malformed = new Fault { Kind = FaultKind.MalformedJson };
            string list, byId, create;
            switch (provider)
            {
                case "HostedScan":
                    _sandbox.HostedScan.ValidApiKeys.Add(secret);
                    list = "Get-Scan -Provider HostedScan -First 2";
                    byId = "Get-Scan -Provider HostedScan -Id '" + _sandbox.HostedScan.SeedScans(1)[0] + "', 'nosuchscan'";
                    create = "New-Scan -Provider HostedScan -Type NMAP -Target example.com";
                    break;
                case "ProjectDiscovery":
                    _sandbox.ProjectDiscovery.ValidApiKeys.Add(secret);
                    list = "Get-Scan -Provider ProjectDiscovery -First 2";
                    byId = "Get-Scan -Provider ProjectDiscovery -Id '" + _sandbox.ProjectDiscovery.SeedScans(1)[0] + "', 'nosuchscan'";
                    create = "New-Scan -Provider ProjectDiscovery -Target example.com -Template http/cves/";
                    break;
                case "Invicti":
                    _sandbox.Invicti.Credentials[User] = secret;
                    string iv = _sandbox.Invicti.SeedScans(1)[0];
                    list = "Get-Scan -Provider Invicti -First 2";
                    byId = "Get-Scan -Provider Invicti -Id '" + iv + "', '0badbad0-0000-4000-8000-000000000000'";
                    create = "Start-ScanFromScan -Id '" + iv + "'";
                    break;
                default:
                    _sandbox.Probely.ValidApiKeys.Add(secret);
                    _sandbox.Probely.AddTarget("canary-t1", "t1", "https://t1.example.com/");
                    _sandbox.Probely.AddTarget("canary-t2", "t2", "https://t2.example.com/");
                    list = byId = string.Empty; // Probely has no scan reads: its batches meet the faults
                    create = "New-ScheduledScanBulk -TargetId canary-t1, canary-t2 -StartTime '2030-12-01 02:00' -Recurrence Weekly -TimeZone UTC -BatchSize 1";
                    break;
            }

            using var engine = new Engine();
            engine.Set("secretText", secret).Set("wrongText", wrong).Set("user", User).Set("baseUri", _sandbox.BaseUri(provider)).Set("provider", provider);
            var connect = engine.Run(@"
$secret = ConvertTo-SecureString $secretText -AsPlainText -Force
$wrong = ConvertTo-SecureString $wrongText -AsPlainText -Force
$good = if ($provider -eq 'Invicti') { @{ Credential = [pscredential]::new($user, $secret) } } else { @{ ApiKey = $secret } }
$bad = if ($provider -eq 'Invicti') { @{ Credential = [pscredential]::new($user, $wrong) } } else { @{ ApiKey = $wrong } }
Connect-ScanProvider -Provider $provider @good -BaseUri $baseUri -PassThru -Verbose -Debug | Format-List * | Out-String
Get-ScanProviderConnection | Format-Table | Out-String").ThrowIfFailed();
            // After Connect-ScanProvider's own check of the key.
            if (provider == "Probely")
            {
                foreach (var fault in new[] { failure, malformed, refusal }) server.Faults.Enqueue(Post(fault));
            }
            else
            {
                server.Faults.Enqueue(Get(failure)); // the first listing
                server.Faults.Enqueue(Get(malformed)); // the first id
                server.Faults.Enqueue(Post(refusal)); // the first create
            }

            var result = engine.Run("$DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; $ConfirmPreference = 'None'\n" +
                string.Join("\n", list, byId, create, create + " -WhatIf", create, create, list, (list.Length > 0 ? list : create) + " @bad -BaseUri $baseUri") +
                "\nConnect-ScanProvider -Provider $provider -Name refused @bad -BaseUri $baseUri" +
                "\n$Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString(); $_.ErrorDetails | Format-List * | Out-String }");
            var shown = engine.Run("$Error | Out-String; Get-ScanProviderConnection | Format-List * | Out-String");

            Assert.True(result.Terminating == null, result.Describe());
            var ids = result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();
            Assert.Equal(2, ids.Count(id => id == "AuthenticationFailed")); // the wrong key, and Connect-ScanProvider's check of it
            Assert.Contains("VendorUnavailable", ids);
            Assert.Contains("InvalidVendorResponse", ids);
            Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("InvalidRequest,", StringComparison.Ordinal) && e.ErrorDetails.Message.Contains("key *** refused", StringComparison.Ordinal));
            Assert.NotEmpty(result.Output);
            Assert.NotEmpty(result.Debug);
            var everything = new[] { connect, result, shown }
                .SelectMany(r => r.Output.Select(o => o.ToString()).Concat(r.Verbose).Concat(r.Debug).Concat(r.Warnings).Concat(r.Information).Concat(r.Errors.SelectMany(Texts)))
                .Append(engine.Host.Console)
                .ToList();
            foreach (var forbidden in new[] { secret, wrong, Basic(User, secret), Basic(User, wrong) }.Take(provider == "Invicti" ? 4 : 2))
            {
                Assert.DoesNotContain(everything, text => text.Contains(forbidden, StringComparison.Ordinal));
            }

            string sent = provider == "Invicti" ? Basic(User, secret) : secret;
            Assert.Contains(server.Requests, r => r.Headers.Values.Any(v => v.Contains(sent, StringComparison.Ordinal)));
            Assert.DoesNotContain(server.Requests, r => (r.Path + r.RawQuery + r.Body).Contains(secret, StringComparison.Ordinal));
        }

        private static Fault Get(Fault fault) => new Fault { Method = "GET", Kind = fault.Kind, StatusCode = fault.StatusCode, Body = fault.Body };

        private static Fault Post(Fault fault) => new Fault { Method = "POST", Kind = fault.Kind, StatusCode = fault.StatusCode, Body = fault.Body };

        private static IEnumerable<string> Texts(ErrorRecord record) => new[]
        {
            record.ToString(), record.Exception.ToString(), record.ErrorDetails?.Message ?? string.Empty, record.ErrorDetails?.RecommendedAction ?? string.Empty,
            record.TargetObject is Array items ? string.Join(" ", items.Cast<object>()) : record.TargetObject?.ToString() ?? string.Empty,
        };

        private static string Basic(string user, string token) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + token));
    }
}
