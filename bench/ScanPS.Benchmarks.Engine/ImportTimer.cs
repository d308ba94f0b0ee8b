using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ScanPS.Benchmarks.Server;

namespace ScanPS.Benchmarks.Engine
{
    /// <summary>Import-Module timings: one fresh process per import, ScanPS and the tiny module alternating.</summary>
    public sealed class ImportResult
    {
        public List<double> ScanPSMilliseconds { get; } = new List<double>();

        public List<double> TinyMilliseconds { get; } = new List<double>();

        /// <summary>Per-pair ratios (ScanPS import over the tiny import run next to it).</summary>
        public List<double> Ratios { get; } = new List<double>();
    }

    public static class ImportTimer
    {
        /// <summary>
        /// "import" mode, in a fresh process: opens a runspace (CreateDefault2), then times Import-Module of the given
        /// manifest alone, and prints "import_ms=… open_ms=…". The first Import-Module in a process pays for the
        /// engine's own module machinery too; both modules pay it alike, so the difference is the module's own cost.
        /// </summary>
        public static int Command(string[] args)
        {
            string? module = null;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--module" && i + 1 < args.Length) module = args[++i];
                else throw new ArgumentException("import: unknown option " + args[i] + " (import --module path.psd1)");
            }

            if (module == null) throw new ArgumentException("import needs --module path.psd1");
            var open = Stopwatch.StartNew();
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            open.Stop();
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddCommand("Import-Module").AddParameter("Name", module).AddParameter("ErrorAction", "Stop");
            var import = Stopwatch.StartNew();
            ps.Invoke();
            import.Stop();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "import_ms={0:0.0} open_ms={1:0.0}", import.Elapsed.TotalMilliseconds, open.Elapsed.TotalMilliseconds));
            return 0;
        }

        public static ImportResult Run(EngineOptions options, string manifest, TextWriter progress)
        {
            string tiny = ModuleLocator.TinyManifest();
            var result = new ImportResult();
            for (int i = 0; i < options.ImportRuns; i++)
            {
                // Alternate which goes first, so a warming page cache or a burst of load hits both alike.
                double scanps, small;
                if (i % 2 == 0)
                {
                    scanps = Once(manifest);
                    small = Once(tiny);
                }
                else
                {
                    small = Once(tiny);
                    scanps = Once(manifest);
                }

                result.ScanPSMilliseconds.Add(scanps);
                result.TinyMilliseconds.Add(small);
                result.Ratios.Add(scanps / small);
                progress.WriteLine(string.Format(CultureInfo.InvariantCulture, "  import {0}: ScanPS {1:0} ms, tiny {2:0} ms", i + 1, scanps, small));
            }

            return result;
        }

        private static double Once(string manifest)
        {
            using var process = Process.Start(ServerProcess.SelfStartInfo("import", "--module", manifest)) ?? throw new InvalidOperationException("Could not start the import process.");
            process.StandardInput.Close();
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            const string Key = "import_ms=";
            int at = output.IndexOf(Key, StringComparison.Ordinal);
            if (process.ExitCode != 0 || at < 0) throw new InvalidOperationException("The import process failed (" + process.ExitCode + "): " + output + error);
            string value = output.Substring(at + Key.Length).Split(' ', '\n', '\r')[0];
            return double.Parse(value, CultureInfo.InvariantCulture);
        }
    }
}
