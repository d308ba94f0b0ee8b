using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading.Tasks;
using ScanPS.FakeVendors;
using Xunit;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// A fresh sandbox (four fakes, nothing seeded) and a fresh engine with every provider's default connection for
    /// each test, a temporary folder for CSV files, and the wire as one line per request ("GET /v1/scans?…").
    /// </summary>
    public abstract class PipelineTest : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("scanps-engine-").FullName;

        protected Sandbox Sandbox { get; private set; } = null!;

        protected Engine Engine { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Sandbox = await Sandbox.StartAsync();
            Engine = Sandbox.Connect(new Engine());
        }

        public async Task DisposeAsync()
        {
            Engine?.Dispose();
            if (Sandbox != null) await Sandbox.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        /// <summary>Method, path and raw query of every request the provider's fake received, in order.</summary>
        protected IReadOnlyList<string> Wire(string provider) => Sandbox.Server(provider).Requests.Select(Line).ToList();

        protected static string Line(RecordedRequest request) => request.Method + " " + request.Path + request.RawQuery;

        /// <summary>Request bodies of the provider's fake, in order (only those with a body).</summary>
        protected IReadOnlyList<string> Bodies(string provider) => Sandbox.Server(provider).Requests.Where(r => r.Body.Length > 0).Select(r => r.Body).ToList();

        protected void ForgetRequests()
        {
            foreach (var server in Sandbox.All) server.ClearRequests();
        }

        /// <summary>Writes a CSV file as a user would (UTF-8, no BOM, \n line ends) and returns its path.</summary>
        protected string Csv(string name, params string[] lines)
        {
            string path = Path.Combine(_folder, name);
            File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
            return path;
        }

        protected string PathOf(string name) => Path.Combine(_folder, name);

        protected static object? Property(PSObject item, string name) => item.Properties[name]?.Value;

        protected static string? Text(PSObject item, string name) => Property(item, name)?.ToString();

        protected static IReadOnlyList<string?> Column(EngineResult result, string name) => result.Output.Select(o => Text(o, name)).ToList();

        /// <summary>The one error (terminating or not) and its FullyQualifiedErrorId and category, for one assert.</summary>
        protected static (string Id, ErrorCategory Category) ErrorOf(EngineResult result)
        {
            var error = result.SingleError();
            return (error.FullyQualifiedErrorId, error.CategoryInfo.Category);
        }

        /// <summary>Every error of the result (terminating last), as "FullyQualifiedErrorId" lines.</summary>
        protected static IReadOnlyList<string> ErrorIds(EngineResult result)
        {
            var ids = result.Errors.Select(e => e.FullyQualifiedErrorId).ToList();
            if (result.Terminating != null) ids.Add(result.Terminating.ErrorRecord.FullyQualifiedErrorId);
            return ids;
        }

        /// <summary>The "What if:" lines the console showed, in order.</summary>
        protected IReadOnlyList<string> WhatIfLines() =>
            Engine.Host.Console.Split('\n').Where(l => l.StartsWith("What if: ", StringComparison.Ordinal)).ToList();
    }
}
