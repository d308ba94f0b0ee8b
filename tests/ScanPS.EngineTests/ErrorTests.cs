using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Errors exactly as a script sees them: whether try/catch catches them (terminating) or the command goes on
    /// (non-terminating, the other items still come out), $? and $Error[0], FullyQualifiedErrorId and category,
    /// ErrorDetails.Message with the vendor's own words, RecommendedAction and TargetObject; one documented id per
    /// case where the fakes can produce it.
    /// </summary>
    public sealed class ErrorTests : IClassFixture<FakesFixture>
    {
        /// <summary>
        /// Runs the command inside try/catch and reports what the script saw: the output, $? after it, the caught
        /// record (a terminating error) and every record in $Error (newest first).
        /// </summary>
        private const string Harness = @"
$Error.Clear()
$out = $null; $ok = $null; $caught = $null
try { $out = @(COMMAND); $ok = $? } catch { $caught = $_ }
[pscustomobject]@{ Output = $out; Ok = $ok; Caught = $caught; Errors = @($Error); FirstIsCaught = ($null -ne $caught -and $Error[0].FullyQualifiedErrorId -eq $caught.FullyQualifiedErrorId -and $Error[0].ToString() -eq $caught.ToString()) }";

        private readonly Sandbox _sandbox;

        public ErrorTests(FakesFixture fixture) => _sandbox = fixture.Reset();

        private Engine Connected(params string[] providers)
        {
            var engine = _sandbox.Connect(new Engine(), providers);
            engine.Set("hs", _sandbox.BaseUri("HostedScan")).Set("pd", _sandbox.BaseUri("ProjectDiscovery")).Set("iv", _sandbox.BaseUri("Invicti")).Set("pb", _sandbox.BaseUri("Probely"));
            engine.Run("$wrong = ConvertTo-SecureString 'not-the-key' -AsPlainText -Force").ThrowIfFailed();
            return engine;
        }

        /// <summary>A connection that makes one attempt per request, so refusals show without retries.</summary>
        private Engine OneAttempt(string provider)
        {
            var engine = Connected();
            string credential = provider == "Invicti" ? "-Credential $ScanPSInvicti" : "-ApiKey $ScanPSKey";
            engine.Run("Connect-ScanProvider -Provider " + provider + " -Name once " + credential + " -BaseUri $args[0] -MaximumRetryCount 0 -SkipValidation -Default", _sandbox.BaseUri(provider)).ThrowIfFailed();
            return engine;
        }

        private static Seen Run(Engine engine, string command, params object?[] args)
        {
            var result = engine.Run(Harness.Replace("COMMAND", command), args);
            Assert.True(result.Terminating == null, result.Describe());
            var row = result.Output.Single();
            return new Seen(
                ((object[]?)ErrorAssert.Property(row, "Output") ?? new object[0]).Select(o => o is PSObject p ? p : PSObject.AsPSObject(o)).ToList(),
                ErrorAssert.Property(row, "Ok") as bool?,
                ErrorAssert.Property(row, "Caught") as ErrorRecord,
                ((object[])ErrorAssert.Property(row, "Errors")!).Cast<ErrorRecord>().ToList(),
                (bool)ErrorAssert.Property(row, "FirstIsCaught")!,
                result.Errors);
        }

        /// <summary>A terminating error: caught by try/catch, $Error[0], nothing else in $Error.</summary>
        private static ErrorRecord Terminating(Seen seen, string id, string commandType, ErrorCategory category)
        {
            Assert.True(seen.Caught != null, "not terminating; $Error: " + string.Join(", ", seen.Errors.Select(e => e.FullyQualifiedErrorId)));
            ErrorAssert.Is(seen.Caught!, id, commandType, category);
            Assert.True(seen.FirstIsCaught, "$Error[0] is not the caught error");
            Assert.Single(seen.Errors);
            Assert.Empty(seen.Stream);
            return seen.Caught!;
        }

        /// <summary>A non-terminating error: try/catch does not see it, $? is false, it is on the error stream and in $Error.</summary>
        private static ErrorRecord NonTerminating(Seen seen, string id, string commandType, ErrorCategory category)
        {
            Assert.True(seen.Caught == null, "terminating: " + seen.Caught?.FullyQualifiedErrorId);
            Assert.Equal(false, seen.Ok);
            var record = Assert.Single(seen.Errors);
            ErrorAssert.Is(record, id, commandType, category);
            Assert.Same(record, Assert.Single(seen.Stream));
            return record;
        }

        public static TheoryData<string, string, string, ErrorCategory, string> CommandLineMistakes() => new TheoryData<string, string, string, ErrorCategory, string>
        {
            { "New-Scan -Provider HostedScan -Type NMAP", "NoScanTargets", "NewScanCommand", ErrorCategory.InvalidArgument, "" },
            { "New-Scan -Provider HostedScan -Target example.com", "MissingProviderParameter", "NewScanCommand", ErrorCategory.InvalidArgument, "HostedScan" },
            { "Get-Scan -Provider Invicti -Type NMAP", "ParameterNotValidForProvider", "GetScanCommand", ErrorCategory.InvalidArgument, "Type" },
            { "Get-Scan -Provider HostedScan -State Bogus", "InvalidStateFilter", "GetScanCommand", ErrorCategory.InvalidArgument, "Bogus" },
            { "Get-Scan -Provider HostedScan -ApiKey $ScanPSKey -Credential $ScanPSInvicti", "ConflictingCredentialParameters", "GetScanCommand", ErrorCategory.InvalidArgument, "" },
            { "Get-Scan -Provider HostedScan -BaseUri http://scanner.example.com", "InsecureBaseUri", "GetScanCommand", ErrorCategory.SecurityError, "http://scanner.example.com/" },
            { "Get-Scan -Provider HostedScan -BaseUri 'https://scanner.example.com/?page=1'", "InvalidBaseUri", "GetScanCommand", ErrorCategory.InvalidArgument, "https://scanner.example.com/?page=1" },
            { "Get-Scan -Provider HostedScan -Connection Invicti", "ConnectionProviderMismatch", "GetScanCommand", ErrorCategory.InvalidArgument, "Invicti" },
            { "New-Scan -Provider ProjectDiscovery -Target example.com -AssetFilter @{ no_such_key = 1 }", "InvalidAssetFilter", "NewScanCommand", ErrorCategory.InvalidArgument, "no_such_key" },
            { "New-Scan -Provider ProjectDiscovery -Target example.com -PrivateTemplatePath (Join-Path ([IO.Path]::GetTempPath()) 'scanps-no-such-template.yaml')", "PrivateTemplateNotReadable", "NewScanCommand", ErrorCategory.ObjectNotFound, "" },
            { "New-ScheduledScanBulk -TargetId t1 -StartTime '2030-12-01 02:00' -TimeZone UTC -DayOfWeek Tuesday", "InvalidScheduleCombination", "NewScheduledScanBulkCommand", ErrorCategory.InvalidArgument, "" },
            { "New-ScheduledScanBulk -TargetId t1 -StartTime '2030-12-01 02:00' -TimeZone Mars/Olympus_Mons", "UnknownTimeZone", "NewScheduledScanBulkCommand", ErrorCategory.InvalidArgument, "Mars/Olympus_Mons" },
            { "New-ScheduledScanBulk -TargetId t1 -StartTime '2001-01-01 02:00' -TimeZone UTC", "StartTimeInPast", "NewScheduledScanBulkCommand", ErrorCategory.InvalidArgument, "" },
            { "New-ScheduledScanBulk -TargetId t1 -StartTime '2030-12-01 02:00' -TimeZone UTC -ScanProfile ' '", "InvalidScanProfile", "NewScheduledScanBulkCommand", ErrorCategory.InvalidArgument, "" },
            { "Connect-ScanProvider -Provider Invicti -Name HostedScan -Credential $ScanPSInvicti -SkipValidation", "ConnectionNameInUse", "ConnectScanProviderCommand", ErrorCategory.ResourceExists, "HostedScan" },
        };

        /// <summary>An unusable command line stops the command (try/catch sees it) before any request.</summary>
        [Theory]
        [MemberData(nameof(CommandLineMistakes))]
        public void A_command_line_mistake_stops_the_command_before_any_request(string command, string id, string commandType, ErrorCategory category, string target)
        {
            using var engine = Connected();

            var record = Terminating(Run(engine, command), id, commandType, category);
            var script = engine.Run(command + "\n$?; 'the script goes on'"); // statement-terminating: outside try/catch the script continues

            Assert.False(string.IsNullOrWhiteSpace(record.ErrorDetails?.Message));
            if (target.Length > 0) Assert.Equal(target, record.TargetObject?.ToString());
            Assert.Equal(new object[] { false, "the script goes on" }, script.BaseObjects);
            Assert.Equal(record.FullyQualifiedErrorId, Assert.Single(script.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void No_credential_anywhere_is_NoCredentialResolved_naming_every_way_to_give_one()
        {
            using var engine = new Engine();

            var record = Terminating(Run(engine, "Get-Scan -Provider HostedScan -BaseUri $args[0] -First 1", _sandbox.BaseUri("HostedScan")), "NoCredentialResolved", "GetScanCommand", ErrorCategory.AuthenticationError);

            Assert.Equal("No HostedScan API key was found. Pass -ApiKey <SecureString> or -Credential <PSCredential> (the password is the key) or -Connection, run Connect-ScanProvider -Provider HostedScan, or set the environment variable SCANPS_HOSTEDSCAN_API_KEY.", record.ErrorDetails.Message);
            Assert.Equal("Run Connect-ScanProvider -Provider HostedScan -ApiKey (Read-Host -AsSecureString), pass -ApiKey or -Credential, or set $env:SCANPS_HOSTEDSCAN_API_KEY.", record.ErrorDetails.RecommendedAction);
            Assert.Equal("HostedScan", record.TargetObject);
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void An_unknown_connection_name_fails_at_binding_with_the_ConnectionNotFound_message()
        {
            using var engine = Connected("HostedScan");

            var record = Terminating(Run(engine, "Get-Scan -Provider HostedScan -Connection nosuch -First 1"), "ParameterArgumentTransformationError", "GetScanCommand", ErrorCategory.InvalidData);

            Assert.Contains("There is no ScanPS connection named 'nosuch' in this session. Connections: HostedScan.", record.Exception.Message);
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void A_removed_connection_object_is_ConnectionRemoved()
        {
            using var engine = Connected("HostedScan");

            var record = Terminating(
                Run(engine, "$c = Get-ScanProviderConnection -Name HostedScan; Disconnect-ScanProvider -Name HostedScan; Get-Scan -Provider HostedScan -Connection $c -First 1"),
                "ConnectionRemoved", "GetScanCommand", ErrorCategory.InvalidOperation);

            Assert.Equal("The HostedScan connection 'HostedScan' was removed with Disconnect-ScanProvider.", record.ErrorDetails.Message);
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void Disconnecting_an_unknown_name_is_non_terminating_and_the_other_names_are_removed()
        {
            using var engine = Connected("HostedScan", "Invicti");

            var seen = Run(engine, "Disconnect-ScanProvider -Name nosuch, HostedScan");
            var record = NonTerminating(seen, "ConnectionNotFound", "DisconnectScanProviderCommand", ErrorCategory.ObjectNotFound);

            Assert.Equal("nosuch", record.TargetObject);
            Assert.Equal(new object[] { "Invicti" }, engine.Run("(Get-ScanProviderConnection).Name").BaseObjects);
        }

        [Fact]
        public void A_missing_scan_among_several_is_a_non_terminating_ScanNotFound_and_the_others_still_come_out()
        {
            var ids = _sandbox.HostedScan.SeedScans(2);
            using var engine = Connected("HostedScan");

            var seen = Run(engine, "Get-Scan -Provider HostedScan -Id $args[0], 'nosuchscan', $args[1]", ids[0], ids[1]);

            var record = NonTerminating(seen, "ScanNotFound", "GetScanCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal(ids, seen.Output.Select(o => (string)o.Properties["Id"].Value));
            Assert.Equal("HostedScan answered 404 Not Found to GET /v1/scans/nosuchscan: Scan not found", record.ErrorDetails.Message);
            Assert.Equal("Check the id; Get-Scan -Provider HostedScan lists what exists.", record.ErrorDetails.RecommendedAction);
            Assert.Equal("nosuchscan", record.TargetObject);
        }

        [Fact]
        public void ProjectDiscovery_ScanNotFound_carries_the_vendors_parameter_and_error_id()
        {
            var id = _sandbox.ProjectDiscovery.SeedScans(1)[0];
            using var engine = Connected("ProjectDiscovery");

            var seen = Run(engine, "Get-Scan -Provider ProjectDiscovery -Id 'nosuchscan', $args[0]", id);

            var record = NonTerminating(seen, "ScanNotFound", "GetScanCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal(new[] { id }, seen.Output.Select(o => (string)o.Properties["Id"].Value));
            Assert.Matches("^ProjectDiscovery answered 404 Not Found to GET /v1/scans/nosuchscan: scan not found \\(parameter 'scan_id', error id [0-9a-z]+\\)$", record.ErrorDetails.Message);
        }

        [Fact]
        public void StartScanFromScan_goes_on_after_an_id_that_is_not_a_GUID_and_after_an_unknown_scan()
        {
            var ids = _sandbox.Invicti.SeedScans(2);
            using var engine = Connected("Invicti");
            const string Unknown = "0badbad0-0000-4000-8000-000000000000";

            var seen = Run(engine, "Start-ScanFromScan -Id 'not-a-guid', $args[0], $args[1], $args[2]", ids[0], Unknown, ids[1]);

            Assert.Null(seen.Caught);
            Assert.Equal(false, seen.Ok);
            Assert.Equal(2, seen.Output.Count);
            // 'not-a-guid' is refused before anything is sent
            Assert.Equal(new[] { "\"" + ids[0] + "\"", "\"" + Unknown + "\"", "\"" + ids[1] + "\"" }, _sandbox.InvictiServer.Requests.Select(r => r.Body));
            Assert.Equal(2, seen.Stream.Count);
            ErrorAssert.Is(seen.Stream[0], "InvalidScanId", "StartScanFromScanCommand", ErrorCategory.InvalidArgument);
            Assert.Equal("not-a-guid", seen.Stream[0].TargetObject);
            ErrorAssert.Is(seen.Stream[1], "ScanNotFound", "StartScanFromScanCommand", ErrorCategory.ObjectNotFound);
            Assert.Equal(Unknown, seen.Stream[1].TargetObject);
            Assert.StartsWith("Invicti answered 404 Not Found to POST /api/1.0/scans/newfromscan: ", seen.Stream[1].ErrorDetails.Message);
        }

        [Fact]
        public void GetScan_reports_an_Invicti_id_that_is_not_a_GUID_without_asking_for_it_and_goes_on()
        {
            var id = _sandbox.Invicti.SeedScans(1)[0];
            using var engine = Connected("Invicti");

            var seen = Run(engine, "Get-Scan -Provider Invicti -Id 'not-a-guid', $args[0]", id);

            var record = NonTerminating(seen, "InvalidScanId", "GetScanCommand", ErrorCategory.InvalidArgument);
            Assert.Equal("not-a-guid", record.TargetObject);
            Assert.Equal(new[] { id }, seen.Output.Select(o => (string)o.Properties["Id"].Value));
            Assert.Equal(new[] { "/api/1.0/scans/detail/" + id }, _sandbox.InvictiServer.Requests.Select(r => r.Path));
        }

        [Fact]
        public void An_Invicti_result_word_instead_of_a_new_scan_is_ScanNotRelaunched()
        {
            var ids = _sandbox.Invicti.SeedScans(2);
            using var engine = Connected("Invicti");
            _sandbox.InvictiServer.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 200, Body = "\"WebsiteIsDeleted\"" });

            var seen = Run(engine, "Start-ScanFromScan -Id $args[0], $args[1]", ids[0], ids[1]);

            var record = NonTerminating(seen, "ScanNotRelaunched", "StartScanFromScanCommand", ErrorCategory.InvalidOperation);
            Assert.Equal("Invicti did not launch a new scan from scan " + ids[0] + ": it answered WebsiteIsDeleted.", record.ErrorDetails.Message);
            Assert.Equal(ids[0], record.TargetObject);
            Assert.Single(seen.Output);
        }

        [Fact]
        public void A_wrong_key_is_a_terminating_AuthenticationFailed_and_the_next_id_is_not_tried()
        {
            var ids = _sandbox.HostedScan.SeedScans(2);
            using var engine = Connected();

            var record = Terminating(Run(engine, "Get-Scan -Provider HostedScan -Id $args[0], $args[1] -ApiKey $wrong -BaseUri $hs", ids[0], ids[1]), "AuthenticationFailed", "GetScanCommand", ErrorCategory.AuthenticationError);

            Assert.Equal("HostedScan answered 401 Unauthorized to GET /v1/scans/" + ids[0] + ": Invalid or missing API key", record.ErrorDetails.Message);
            Assert.Equal("Check the HostedScan API key (-ApiKey, -Credential, -Connection, Connect-ScanProvider or $env:SCANPS_HOSTEDSCAN_API_KEY) and that it is for this base URI.", record.ErrorDetails.RecommendedAction);
            Assert.Single(_sandbox.HostedScanServer.Requests);
        }

        [Fact]
        public void A_wrong_Invicti_token_is_AuthenticationFailed_asking_for_the_user_id_and_the_token()
        {
            var id = _sandbox.Invicti.SeedScans(1)[0];
            using var engine = Connected();

            var record = Terminating(Run(engine, "Get-Scan -Provider Invicti -Id $args[0] -Credential ([pscredential]::new('test-user-id', $wrong)) -BaseUri $iv", id), "AuthenticationFailed", "GetScanCommand", ErrorCategory.AuthenticationError);

            Assert.Equal("Invicti answered 401 Unauthorized to GET /api/1.0/scans/detail/" + id + ": Authorization has been denied for this request.", record.ErrorDetails.Message);
            Assert.Contains("SCANPS_INVICTI_USER_ID", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void Another_teams_id_is_a_terminating_PermissionDenied_with_the_vendors_words()
        {
            using var engine = Connected("ProjectDiscovery");

            var record = Terminating(Run(engine, "Get-Scan -Provider ProjectDiscovery -TeamId intruders -First 1"), "PermissionDenied", "GetScanCommand", ErrorCategory.PermissionDenied);

            Assert.StartsWith("ProjectDiscovery answered 403 Forbidden to GET /v1/scans: you are not a member of this team", record.ErrorDetails.Message);
            Assert.Equal("The key is valid but not allowed to do this; check its role or plan with ProjectDiscovery.", record.ErrorDetails.RecommendedAction);
            Assert.Equal("intruders", Assert.Single(_sandbox.ProjectDiscoveryServer.Requests).Header("X-Team-Id"));
        }

        public static TheoryData<int, string, string, ErrorCategory> ListingRefusals() => new TheoryData<int, string, string, ErrorCategory>
        {
            { 400, "Bad Request", "InvalidRequest", ErrorCategory.InvalidArgument },
            { 404, "Not Found", "ResourceNotFound", ErrorCategory.ObjectNotFound },
            { 409, "Conflict", "VendorError", ErrorCategory.ProtocolError },
            { 429, "Too Many Requests", "RateLimitExceeded", ErrorCategory.LimitsExceeded },
            { 500, "Internal Server Error", "VendorUnavailable", ErrorCategory.ResourceUnavailable },
            { 503, "Service Unavailable", "VendorUnavailable", ErrorCategory.ResourceUnavailable },
        };

        [Theory]
        [MemberData(nameof(ListingRefusals))]
        public void A_refused_listing_stops_Get_Scan_with_the_vendors_message(int status, string reason, string id, ErrorCategory category)
        {
            using var engine = OneAttempt("HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = status, Body = "{\"error\":\"the vendor says no\"}" });

            var record = Terminating(Run(engine, "Get-Scan -Provider HostedScan"), id, "GetScanCommand", category);

            Assert.Equal("HostedScan answered " + status + " " + reason + " to GET /v1/scans: the vendor says no", record.ErrorDetails.Message);
            Assert.False(string.IsNullOrWhiteSpace(record.ErrorDetails.RecommendedAction));
            Assert.Single(_sandbox.HostedScanServer.Requests);
        }

        [Fact]
        public void A_redirect_is_not_followed()
        {
            using var engine = OneAttempt("HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 302 });

            var record = Terminating(Run(engine, "Get-Scan -Provider HostedScan"), "UnexpectedRedirect", "GetScanCommand", ErrorCategory.ProtocolError);

            Assert.Equal("HostedScan answered 302 Found to GET /v1/scans (redirect not followed).", record.ErrorDetails.Message);
            Assert.Single(_sandbox.HostedScanServer.Requests);
        }

        [Fact]
        public void A_read_still_limited_after_its_retries_is_RateLimitExceeded_saying_how_many_attempts_were_made()
        {
            using var engine = Connected();
            engine.Run("Connect-ScanProvider -Provider HostedScan -Name twice -ApiKey $ScanPSKey -BaseUri $hs -MaximumRetryCount 1 -SkipValidation").ThrowIfFailed();
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 429, RetryAfter = "0", Times = 2 });

            var record = Terminating(Run(engine, "Get-Scan -Provider HostedScan -Connection twice"), "RateLimitExceeded", "GetScanCommand", ErrorCategory.LimitsExceeded);

            Assert.Equal("Wait and run the command again; ScanPS already made 2 attempts.", record.ErrorDetails.RecommendedAction);
            Assert.Equal(2, _sandbox.HostedScanServer.Requests.Count);
        }

        [Fact]
        public void A_create_refused_for_the_rate_is_sent_once_and_says_nothing_was_created_and_how_long_to_wait()
        {
            using var engine = Connected("HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 429, RetryAfter = "30" });

            var record = NonTerminating(Run(engine, "New-Scan -Provider HostedScan -Type NMAP -Target example.com"), "RateLimitExceeded", "NewScanCommand", ErrorCategory.LimitsExceeded);

            Assert.Equal("Nothing was created: HostedScan limits the request rate. Wait 30 s (the vendor's Retry-After) and run the command again.", record.ErrorDetails.RecommendedAction);
            Assert.Single(_sandbox.HostedScanServer.Requests);
        }

        [Fact]
        public void A_create_answered_500_is_sent_once_and_says_it_may_have_been_created()
        {
            using var engine = Connected("HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 500 });

            var record = NonTerminating(Run(engine, "New-Scan -Provider HostedScan -Type NMAP -Target example.com"), "VendorUnavailable", "NewScanCommand", ErrorCategory.ResourceUnavailable);

            Assert.Equal("The vendor may or may not have acted on the request; check with Get-Scan before running it again.", record.ErrorDetails.RecommendedAction);
            Assert.Single(_sandbox.HostedScanServer.Requests);
        }

        [Fact]
        public void A_create_refused_as_invalid_carries_the_vendors_message()
        {
            using var engine = Connected("HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 400, Body = "{\"error\":\"targets: example..com is not a valid host\"}" });

            var record = NonTerminating(Run(engine, "New-Scan -Provider HostedScan -Type NMAP -Target example..com"), "InvalidRequest", "NewScanCommand", ErrorCategory.InvalidArgument);

            Assert.Equal("HostedScan answered 400 Bad Request to POST /v1/scans: targets: example..com is not a valid host", record.ErrorDetails.Message);
            Assert.Equal("Correct the parameters named in the vendor's message and run the command again.", record.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void Malformed_JSON_stops_a_listing_and_is_non_terminating_for_one_id_among_several()
        {
            var ids = _sandbox.HostedScan.SeedScans(2);
            using var engine = Connected("HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.MalformedJson });

            var listing = Terminating(Run(engine, "Get-Scan -Provider HostedScan"), "InvalidVendorResponse", "GetScanCommand", ErrorCategory.InvalidResult);
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.MalformedJson });
            var byId = Run(engine, "Get-Scan -Provider HostedScan -Id $args[0], $args[1]", ids[0], ids[1]);

            Assert.StartsWith("HostedScan answered GET /v1/scans with something that is not the expected JSON: ", listing.ErrorDetails.Message);
            Assert.Equal("Check -BaseUri points at the HostedScan API (not a proxy or login page) and try again.", listing.ErrorDetails.RecommendedAction);
            var record = NonTerminating(byId, "InvalidVendorResponse", "GetScanCommand", ErrorCategory.InvalidResult);
            Assert.Equal(ids[0], record.TargetObject);
            Assert.Equal(new[] { ids[1] }, byId.Output.Select(o => (string)o.Properties["Id"].Value));
        }

        [Fact]
        public void An_HTML_page_or_a_cut_off_body_is_InvalidVendorResponse_and_an_HTML_gateway_error_keeps_its_status()
        {
            var ids = _sandbox.HostedScan.SeedScans(2);
            using var engine = OneAttempt("HostedScan");
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Html, StatusCode = 200 });
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Html, StatusCode = 502 });

            var page = Terminating(Run(engine, "Get-Scan -Provider HostedScan"), "InvalidVendorResponse", "GetScanCommand", ErrorCategory.InvalidResult);
            var gateway = Terminating(Run(engine, "Get-Scan -Provider HostedScan"), "VendorUnavailable", "GetScanCommand", ErrorCategory.ResourceUnavailable);
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.TruncatedBody });
            var cutOff = Run(engine, "Get-Scan -Provider HostedScan -Id $args[0], $args[1]", ids[0], ids[1]);

            Assert.Equal("HostedScan answered GET /v1/scans with something that is not the expected JSON: the body is text/html (an HTML page titled '200 OK').", page.ErrorDetails.Message);
            Assert.Equal("HostedScan answered 502 Bad Gateway to GET /v1/scans: an HTML page titled '502 Bad Gateway'", gateway.ErrorDetails.Message);
            var record = NonTerminating(cutOff, "InvalidVendorResponse", "GetScanCommand", ErrorCategory.InvalidResult);
            Assert.StartsWith("HostedScan answered GET /v1/scans/" + ids[0] + " with something that is not the expected JSON: ", record.ErrorDetails.Message);
            Assert.Equal(new[] { ids[1] }, cutOff.Output.Select(o => (string)o.Properties["Id"].Value));
        }

        [Fact]
        public void A_credential_that_is_given_but_unusable_is_NoCredentialResolved_even_under_WhatIf()
        {
            using var engine = new Engine();
            engine.Set("hs", _sandbox.BaseUri("HostedScan")).Set("iv", _sandbox.BaseUri("Invicti"));

            var empty = Terminating(Run(engine, "New-Scan -Provider HostedScan -Type NMAP -Target example.com -ApiKey ([securestring]::new()) -BaseUri $hs -WhatIf"), "NoCredentialResolved", "NewScanCommand", ErrorCategory.AuthenticationError);
            var tokenOnly = Terminating(
                Run(engine, "Start-ScanFromScan -Id 5ca70000-0000-4000-8000-000000000001 -ApiKey (ConvertTo-SecureString 'token' -AsPlainText -Force) -BaseUri $iv -WhatIf"),
                "NoCredentialResolved", "StartScanFromScanCommand", ErrorCategory.AuthenticationError);

            Assert.Equal("The HostedScan API key given by the -ApiKey parameter is empty.", empty.ErrorDetails.Message);
            Assert.StartsWith("The Invicti API token from the -ApiKey parameter needs ", tokenOnly.ErrorDetails.Message);
            Assert.Contains("SCANPS_INVICTI_USER_ID", tokenOnly.ErrorDetails.Message);
            Assert.Equal("", engine.Host.Console); // no What if: line
            Assert.Equal(0, _sandbox.RequestCount);
        }

        [Fact]
        public void A_create_with_a_wrong_key_stops_the_command()
        {
            using var engine = Connected();

            var record = Terminating(Run(engine, "New-Scan -Provider HostedScan -Type NMAP -Target example.com -ApiKey $wrong -BaseUri $hs"), "AuthenticationFailed", "NewScanCommand", ErrorCategory.AuthenticationError);

            Assert.Equal("HostedScan answered 401 Unauthorized to POST /v1/scans: Invalid or missing API key", record.ErrorDetails.Message);
            Assert.Equal("POST", Assert.Single(_sandbox.HostedScanServer.Requests).Method);
        }

        [Fact]
        public void A_create_that_times_out_is_sent_once_and_says_it_may_have_been_created()
        {
            using var engine = Connected();
            engine.Run("Connect-ScanProvider -Provider HostedScan -ApiKey $ScanPSKey -BaseUri $hs -TimeoutSec 1 -SkipValidation").ThrowIfFailed();
            _sandbox.HostedScanServer.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(5) });

            var record = NonTerminating(Run(engine, "New-Scan -Provider HostedScan -Type NMAP -Target example.com"), "VendorTimeout", "NewScanCommand", ErrorCategory.OperationTimeout);

            Assert.Equal("HostedScan did not answer POST /v1/scans in time (1 s, after 1 attempt). The request may or may not have been acted on; check with Get-Scan before running it again.", record.ErrorDetails.Message);
            Assert.Single(_sandbox.HostedScanServer.Requests);
        }

        [Fact]
        public void Connect_with_a_refused_key_stores_nothing_and_says_why()
        {
            using var engine = Connected();

            var record = Terminating(Run(engine, "Connect-ScanProvider -Provider Probely -Name checked -ApiKey $wrong -BaseUri $pb"), "AuthenticationFailed", "ConnectScanProviderCommand", ErrorCategory.AuthenticationError);

            Assert.Equal("The Probely connection 'checked' was not stored: Probely answered 401 Unauthorized to GET /targets/: Error decoding signature.", record.ErrorDetails.Message);
            Assert.Equal(new object[] { "Probely" }, engine.Run("(Get-ScanProviderConnection -Provider Probely).Name").BaseObjects); // the sandbox's, not 'checked'
            var request = Assert.Single(_sandbox.ProbelyServer.Requests);
            Assert.Equal(("GET", "/targets/", "?page=1&length=1"), (request.Method, request.Path, request.RawQuery));
        }

        [Fact]
        public void An_unreachable_service_is_a_terminating_ConnectionFailed_and_no_other_id_is_tried()
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            using var engine = Connected();
            engine.Run("Connect-ScanProvider -Provider HostedScan -ApiKey $ScanPSKey -BaseUri $args[0] -MaximumRetryCount 0 -SkipValidation", "http://127.0.0.1:" + port).ThrowIfFailed();

            var record = Terminating(Run(engine, "Get-Scan -Provider HostedScan -Id a1, a2 -Verbose"), "ConnectionFailed", "GetScanCommand", ErrorCategory.ConnectionError);

            Assert.StartsWith("Could not reach HostedScan at http://127.0.0.1:" + port + " (", record.ErrorDetails.Message);
            Assert.EndsWith(", after 1 attempt).", record.ErrorDetails.Message);
            Assert.Equal("Check -BaseUri, DNS, proxy and firewall settings.", record.ErrorDetails.RecommendedAction);
            Assert.Equal("a1", record.TargetObject);
        }

        [Fact]
        public void A_refused_Probely_batch_is_non_terminating_naming_its_ids_and_the_other_batches_are_scheduled()
        {
            foreach (var id in new[] { "er-t1", "er-t2", "er-t3" }) _sandbox.Probely.AddTarget(id, id, "https://" + id + ".example.com/");
            _sandbox.Probely.RefuseTarget("er-t2", "The target's domain is not verified.");
            using var engine = Connected("Probely");

            var seen = Run(engine, "New-ScheduledScanBulk -TargetId er-t1, er-t2, er-t3 -StartTime '2030-12-01 02:00' -Recurrence Weekly -TimeZone UTC -BatchSize 1");

            var record = NonTerminating(seen, "InvalidRequest", "NewScheduledScanBulkCommand", ErrorCategory.InvalidArgument);
            Assert.Equal(new[] { "er-t1", "er-t3" }, seen.Output.Select(o => (string)o.Properties["TargetId"].Value));
            Assert.Equal(new object[] { "er-t2" }, (object[])record.TargetObject);
            Assert.StartsWith("1 target (batch 2 of 3) was not scheduled: er-t2. Probely answered 400 Bad Request to POST /scheduledscans/bulk/: ", record.ErrorDetails.Message);
            Assert.Contains("The target's domain is not verified.", record.ErrorDetails.Message);
            Assert.EndsWith("Then run New-ScheduledScanBulk again for just these ids (the error's TargetObject): er-t2.", record.ErrorDetails.RecommendedAction);
            // One read of the existing schedules (duplicate warning), then one POST per batch.
            Assert.Equal(new[] { "GET /scheduledscans/" }.Concat(Enumerable.Repeat("POST /scheduledscans/bulk/", 3)), _sandbox.ProbelyServer.Requests.Select(r => r.Method + " " + r.Path));
        }

        [Fact]
        public void An_accepted_Probely_batch_that_leaves_targets_out_is_TargetsNotScheduled_or_a_warning_when_it_names_none()
        {
            using var engine = Connected("Probely");
            _sandbox.ProbelyServer.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 201, Body = "[{\"id\":\"s1\",\"target\":{\"id\":\"er-a\"}}]" });
            _sandbox.ProbelyServer.Faults.Enqueue(new Fault { Method = "POST", Kind = FaultKind.Status, StatusCode = 201, Body = "[{\"id\":\"s2\"}]" });

            var result = engine.Run(@"
$scheduled = New-ScheduledScanBulk -TargetId er-a, er-b, er-c, er-d -StartTime '2030-12-01 02:00' -Recurrence Weekly -TimeZone UTC -BatchSize 2 -WarningVariable wv -WarningAction SilentlyContinue
@($scheduled.Id) + @($wv.Message)");

            Assert.Equal(new object[] { "s1", "s2", "Probely returned 1 scheduled scan for the 2 targets (batch 2 of 2), without saying which targets they are for." }, result.BaseObjects);
            Assert.Empty(result.Warnings);
            var record = Assert.Single(result.Errors);
            ErrorAssert.Is(record, "TargetsNotScheduled", "NewScheduledScanBulkCommand", ErrorCategory.InvalidResult);
            Assert.Equal("Probely accepted (batch 1 of 2) but returned no scheduled scan for 1 target: er-b.", record.ErrorDetails.Message);
            Assert.Equal(new object[] { "er-b" }, (object[])record.TargetObject);
            // One read of the existing schedules (duplicate warning), then one POST per batch.
            Assert.Equal(new[] { "GET /scheduledscans/" }.Concat(Enumerable.Repeat("POST /scheduledscans/bulk/", 2)), _sandbox.ProbelyServer.Requests.Select(r => r.Method + " " + r.Path));
        }

        [Fact]
        public void An_untrusted_certificate_is_a_terminating_CertificateNotTrusted_and_SkipCertificateCheck_goes_on_with_a_warning()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=scanps-engine-tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            using var certificate = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);
            var fake = new FakeHostedScan();
            string id = fake.SeedScans(1)[0];
            var server = FakeVendorServer.StartAsync(fake, "https://127.0.0.1:0", certificate).GetAwaiter().GetResult();
            try
            {
                using var engine = Connected();
                engine.Set("tls", server.BaseUri.ToString());

                var refused = Terminating(Run(engine, "Get-Scan -Provider HostedScan -Id $args[0] -ApiKey $ScanPSKey -BaseUri $tls", id), "CertificateNotTrusted", "GetScanCommand", ErrorCategory.SecurityError);
                var skipped = engine.Run("Get-Scan -Provider HostedScan -Id $args[0] -ApiKey $ScanPSKey -BaseUri $tls -SkipCertificateCheck", id).ThrowIfFailed();

                Assert.StartsWith("Refused the TLS certificate of HostedScan at " + server.BaseUri.GetLeftPart(UriPartial.Authority) + " (", refused.ErrorDetails.Message);
                Assert.EndsWith("). Nothing was sent.", refused.ErrorDetails.Message);
                Assert.StartsWith("Trust the server's certificate authority on this computer", refused.ErrorDetails.RecommendedAction);
                Assert.Equal(id, Assert.Single(skipped.Output).Properties["Id"].Value);
                Assert.Equal(new[] { "-SkipCertificateCheck: the certificate of 127.0.0.1 is not checked for this command. Anyone on the network path could read the HostedScan credential." }, skipped.Warnings);
                Assert.Single(server.Requests); // the refused handshake sent no request
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        private sealed record Seen(IReadOnlyList<PSObject> Output, bool? Ok, ErrorRecord? Caught, IReadOnlyList<ErrorRecord> Errors, bool FirstIsCaught, IReadOnlyList<ErrorRecord> Stream);
    }
}
