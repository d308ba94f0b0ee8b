using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// Export-Clixml then Import-Clixml, and ConvertTo-Json, of a real object of every output type: the values
    /// survive, the imported objects still format with ScanPS's views and pipe back into Get-Scan, and a connection
    /// writes no secret to the file.
    /// </summary>
    public sealed class SerializationTests : IClassFixture<SurfaceFixture>, IDisposable
    {
        private readonly SurfaceFixture _fixture;
        private readonly string _file = Path.Combine(Path.GetTempPath(), "scanps-clixml-" + Guid.NewGuid().ToString("N") + ".xml");

        public SerializationTests(SurfaceFixture fixture) => _fixture = fixture;

        public void Dispose()
        {
            if (File.Exists(_file)) File.Delete(_file);
        }

        [Theory]
        [MemberData(nameof(SurfaceFixture.OutputTypeData), MemberType = typeof(SurfaceFixture))]
        public void Clixml_keeps_every_property_and_the_default_view(string typeName)
        {
            using var engine = _fixture.ConnectedEngine(typeName);
            var result = engine.Run(_fixture.Make(typeName) + @"
$item | Export-Clixml -Path $args[0]
$imported = Import-Clixml -Path $args[0]
$imported.PSObject.TypeNames[0]
# Every public property, as text, before and after (an enum comes back as its number with its name as ToString,
# a dictionary as a hashtable, as for every .NET object PowerShell serializes).
function Show($value) {
    if ($value -is [System.Collections.IDictionary]) { return @($value.Keys | Sort-Object | ForEach-Object { '{0}={1}' -f $_, (Show $value[$_]) }) -join ';' }
    @($value | ForEach-Object { if ($null -ne $_) { $_.ToString() } }) -join ';'
}
$names = @($item.PSObject.Properties | ForEach-Object Name)
$names -join ','
@($names | ForEach-Object { '{0}={1}' -f $_, (Show $item.$_) }) -join ""`n""
@($names | ForEach-Object { '{0}={1}' -f $_, (Show $imported.$_) }) -join ""`n""
$item | Out-String -Width 120
$imported | Out-String -Width 120", _file).ThrowIfFailed();

            Assert.Equal("Deserialized." + typeName, result.Output[0].BaseObject);
            Assert.NotEqual(string.Empty, (string)result.Output[1].BaseObject);
            Assert.Equal((string)result.Output[2].BaseObject, (string)result.Output[3].BaseObject);

            // PowerShell picks ScanPS's view for the Deserialized. type name too, with the same columns and values.
            Assert.Equal((string)result.Output[4].BaseObject, (string)result.Output[5].BaseObject);
            Assert.Single(RenderedTable.Parse((string)result.Output[5].BaseObject, typeName).Rows);
        }

        [Fact]
        public void A_connection_writes_no_secret_to_Clixml_or_JSON()
        {
            using var engine = new Engine();
            engine.Set("keyText", SurfaceFixture.LongApiKey).Set("uri", _fixture.Sandbox.BaseUri("HostedScan"))
                .Set("user", Sandbox.InvictiUserId).Set("token", Sandbox.InvictiToken).Set("invictiUri", _fixture.Sandbox.BaseUri("Invicti"));
            var result = engine.Run(@"
$key = ConvertTo-SecureString $keyText -AsPlainText -Force
Connect-ScanProvider -Provider HostedScan -Name prod -ApiKey $key -BaseUri $uri -SkipValidation
$invicti = [pscredential]::new($user, (ConvertTo-SecureString $token -AsPlainText -Force))
Connect-ScanProvider -Provider Invicti -Credential $invicti -BaseUri $invictiUri -SkipValidation
Get-ScanProviderConnection | Export-Clixml -Path $args[0]
Get-ScanProviderConnection | ConvertTo-Json
$imported = Import-Clixml -Path $args[0]
$imported | ForEach-Object { '{0}/{1}/{2}/{3}' -f $_.Provider, $_.Name, $_.KeyHint, $_.UserName }", _file).ThrowIfFailed();

            string xml = File.ReadAllText(_file);
            string json = (string)result.Output[0].BaseObject;
            foreach (var text in new[] { xml, json })
            {
                Assert.DoesNotContain(SurfaceFixture.LongApiKey, text, StringComparison.Ordinal);
                Assert.DoesNotContain("0123456789ab", text, StringComparison.Ordinal);
                Assert.DoesNotContain(Sandbox.InvictiToken, text, StringComparison.Ordinal);
                Assert.DoesNotContain("SecureString", text, StringComparison.Ordinal);
                Assert.Contains("****cdef", text, StringComparison.Ordinal);
            }

            Assert.Contains("<S N=\"CredentialSource\">connection 'prod' (the -ApiKey parameter)</S>", xml, StringComparison.Ordinal);
            Assert.Equal(new object[] { "HostedScan/prod/****cdef/", "Invicti/Invicti/****/" + Sandbox.InvictiUserId }, result.Output.Skip(1).Select(o => o.BaseObject).ToArray());

            using var parsed = JsonDocument.Parse(json);
            var first = parsed.RootElement[0];
            Assert.Equal("HostedScan", first.GetProperty("Provider").GetString());
            Assert.Equal("prod", first.GetProperty("Name").GetString());
            Assert.Equal("****cdef", first.GetProperty("KeyHint").GetString());
            Assert.Equal(_fixture.Sandbox.BaseUri("HostedScan") + "/", first.GetProperty("BaseUri").GetString());
            Assert.Equal(
                new[] { "Provider", "Name", "IsDefault", "BaseUri", "Region", "TeamId", "UserName", "CredentialSource", "KeyHint", "Proxy", "ProxyUserName", "ProxyUseDefaultCredentials", "SkipCertificateCheck", "TimeoutSec", "MaximumRetryCount", "Validated", "ConnectedAt" },
                first.EnumerateObject().Select(p => p.Name).ToArray());
        }

        [Theory]
        [MemberData(nameof(SurfaceFixture.OutputTypeData), MemberType = typeof(SurfaceFixture))]
        public void ConvertTo_Json_writes_the_public_properties(string typeName)
        {
            using var engine = _fixture.ConnectedEngine(typeName);
            var result = engine.Run(_fixture.Make(typeName) + @"
$item | ConvertTo-Json -Depth 5 -EnumsAsStrings
@($item.PSObject.Properties | ForEach-Object Name)");
            Assert.True(result.Terminating == null && result.Errors.Count == 0, result.Describe());
            Assert.Empty(result.Warnings);
            using var parsed = JsonDocument.Parse((string)result.Output[0].BaseObject);
            var json = parsed.RootElement;
            Assert.Equal(result.Output.Skip(1).Select(o => (string)o.BaseObject), json.EnumerateObject().Select(p => p.Name));
            var item = (PSObject)engine.Get("item")!;
            foreach (string name in new[] { "Provider", "Id", "Name" })
            {
                if (item.Properties[name] != null && json.TryGetProperty(name, out var value)) Assert.Equal(item.Properties[name].Value?.ToString(), value.GetString());
            }

            if (item.Properties["State"] != null) Assert.Equal(item.Properties["State"].Value.ToString(), json.GetProperty("State").GetString());
        }

        [Theory]
        [InlineData("ScanPS.Models.HostedScanScan")]
        [InlineData("ScanPS.Models.ProjectDiscoveryScan")]
        [InlineData("ScanPS.Models.InvictiScan")]
        public void Saved_scans_pipe_back_into_Get_Scan(string typeName)
        {
            // Import-Clixml and ConvertFrom-Json give objects with Provider and Id, which Get-Scan binds by property name.
            using var engine = _fixture.ConnectedEngine(typeName);
            var result = engine.Run(_fixture.Make(typeName) + @"
$item | Export-Clixml -Path $args[0]
$fromXml = Import-Clixml -Path $args[0] | Get-Scan
$fromJson = $item | ConvertTo-Json -Depth 5 | ConvertFrom-Json | Get-Scan
$fromXml.GetType().FullName
$fromXml.Id
$fromJson.GetType().FullName
$fromJson.Id
$item.Id", _file).ThrowIfFailed();
            Assert.Equal(new object[] { typeName, result.Output[4].BaseObject, typeName, result.Output[4].BaseObject }, result.Output.Take(4).Select(o => o.BaseObject).ToArray());
        }
    }
}
