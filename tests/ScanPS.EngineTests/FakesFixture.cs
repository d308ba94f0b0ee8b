using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// One <see cref="Sandbox"/> for a test class (xunit runs a class's tests one after another), reset before each
    /// test by those that call Reset: no recorded requests, no queued faults, the default lifecycle options. The class fixture of most engine test classes.
    /// </summary>
    public sealed class FakesFixture : IAsyncLifetime
    {
        public Sandbox Sandbox { get; private set; } = null!;

        public async Task InitializeAsync() => Sandbox = await Sandbox.StartAsync();

        public async Task DisposeAsync() => await Sandbox.DisposeAsync();

        public Sandbox Reset()
        {
            foreach (var server in Sandbox.All)
            {
                server.ClearRequests();
                server.Faults.Clear();
                (server.Vendor as ScanPS.FakeVendors.ISandboxLifecycle)?.Lifecycle.Reset();
            }

            return Sandbox;
        }
    }

    /// <summary>Assertions on error records as a script sees them.</summary>
    public static class ErrorAssert
    {
        /// <summary>FullyQualifiedErrorId "Id,ScanPS.Commands.XCommand" and the category.</summary>
        public static void Is(ErrorRecord record, string id, string commandType, ErrorCategory category)
        {
            Assert.Equal(id + ",ScanPS.Commands." + commandType, record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
        }

        /// <summary>The property of a [pscustomobject] a script wrote.</summary>
        public static object? Property(PSObject row, string name) => row.Properties[name]?.Value is PSObject wrapped ? wrapped.BaseObject : row.Properties[name]?.Value;

        public static string[] Strings(PSObject row, string name) => Property(row, name) switch
        {
            null => new string[0],
            object[] items => items.Select(i => i?.ToString() ?? string.Empty).ToArray(),
            object single => new[] { single.ToString()! },
        };
    }
}
