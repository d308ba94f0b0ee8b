using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// ForEach-Object -Parallel, as docs/Connect-ScanProvider.md example 7 and about_ScanPS_Authentication show it:
    /// each script block runs in its own runspace, which has no connections, so -Connection $using:conn is what
    /// carries the credential there; without it, and with only the connection's name, the documented errors.
    /// </summary>
    public sealed class ParallelTests : IAsyncLifetime
    {
        // The parallel runspaces import the staged module themselves: auto-loading finds only modules on PSModulePath,
        // and the tests never change process environment variables.
        private const string ImportInBlock = "Import-Module -Name $using:manifest -ErrorAction Stop; ";

        private Sandbox _sandbox = null!;

        public async Task InitializeAsync() => _sandbox = await Sandbox.StartAsync();

        public async Task DisposeAsync() => await _sandbox.DisposeAsync();

        private Engine Connected()
        {
            var engine = _sandbox.Connect(new Engine(), "HostedScan");
            engine.Set("manifest", StagedModule.Manifest);
            return engine;
        }

        [Fact]
        public void A_connection_passed_with_using_works_in_each_parallel_runspace()
        {
            using var engine = Connected();
            var result = engine.Run(@"
$connection = Get-ScanProviderConnection -Provider HostedScan
'one.example.com', 'two.example.com', 'three.example.com' | ForEach-Object -Parallel {
    " + ImportInBlock + @"
    [pscustomobject]@{ Target = $_; Connections = @(Get-ScanProviderConnection).Count; Scan = New-Scan -Provider HostedScan -Type SSLYZE -Target $_ -Connection $using:connection }
} -ThrottleLimit 3").ThrowIfFailed();

            var rows = result.Output.OrderBy(o => o.Value<string>("Target"), StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { "one.example.com", "three.example.com", "two.example.com" }, rows.Select(r => r.Value<string>("Target")));
            Assert.All(rows, r => Assert.Equal(0, r.Value<int>("Connections")));
            Assert.All(rows, r =>
            {
                var scan = PSObject.AsPSObject(r.Properties["Scan"].Value);
                Assert.Equal("ScanPS.Models.HostedScanScan", scan.BaseObject.GetType().FullName);
                Assert.Equal(new[] { r.Value<string>("Target") }, (System.Collections.Generic.IEnumerable<string>)scan.Properties["Targets"].Value);
            });

            var creates = _sandbox.HostedScanServer.Requests.Where(q => q.Method == "POST" && q.Path == "/v1/scans").ToList();
            Assert.Equal(3, creates.Count);
            Assert.All(creates, q => Assert.Equal(Sandbox.ApiKey, q.Header("X-HOSTEDSCAN-API-KEY")));
            Assert.Equal(
                new[] { "one.example.com", "three.example.com", "two.example.com" },
                creates.Select(q => System.Text.Json.JsonDocument.Parse(q.Body).RootElement.GetProperty("targets")[0].GetString()).OrderBy(t => t, StringComparer.Ordinal));
        }

        [Fact]
        public void Without_Connection_a_parallel_runspace_has_no_credential()
        {
            using var engine = Connected();
            int before = _sandbox.RequestCount;
            var result = engine.Run(@"
'one.example.com' | ForEach-Object -Parallel {
    " + ImportInBlock + @"
    Get-Scan -Provider HostedScan -First 1
}");
            var error = result.SingleError();
            Assert.Equal("NoCredentialResolved,ScanPS.Commands.GetScanCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Empty(result.Output);
            Assert.Equal(before, _sandbox.RequestCount);
        }

        [Fact]
        public void A_connection_name_is_looked_up_in_the_parallel_runspace_and_not_found_there()
        {
            using var engine = Connected();
            int before = _sandbox.RequestCount;
            var result = engine.Run(@"
$name = (Get-ScanProviderConnection -Provider HostedScan).Name
'one.example.com' | ForEach-Object -Parallel {
    " + ImportInBlock + @"
    Get-Scan -Provider HostedScan -First 1 -Connection $using:name
}");
            var error = result.SingleError();
            Assert.Equal("ParameterArgumentTransformationError,ScanPS.Commands.GetScanCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'HostedScan'", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(before, _sandbox.RequestCount);
        }
    }
}
