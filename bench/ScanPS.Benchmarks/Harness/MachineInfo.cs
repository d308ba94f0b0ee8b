using System;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;

namespace ScanPS.Benchmarks.Harness
{
    /// <summary>The conditions a run came from, printed with the numbers (they are only comparable side by side).</summary>
    public sealed class MachineInfo
    {
        public string Os { get; private set; } = string.Empty;
        public string Runtime { get; private set; } = string.Empty;
        public string Cpu { get; private set; } = string.Empty;
        public int Cores { get; private set; }
        public string Gc { get; private set; } = string.Empty;
        public string LoadAtStart { get; private set; } = "n/a";
        public string LoadAtEnd { get; set; } = "n/a";

        public static MachineInfo Describe() => new MachineInfo
        {
            Os = RuntimeInformation.OSDescription,
            Runtime = RuntimeInformation.FrameworkDescription + " " + RuntimeInformation.ProcessArchitecture,
            Cpu = CpuModel(),
            Cores = Environment.ProcessorCount,
            Gc = (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent"),
            LoadAtStart = LoadAverage(),
        };

        /// <summary>1/5/15-minute load averages where the OS has them (Linux); "n/a" elsewhere.</summary>
        public static string LoadAverage()
        {
            try
            {
                if (!File.Exists("/proc/loadavg")) return "n/a";
                return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
            catch (IOException)
            {
                return "n/a";
            }
        }

        private static string CpuModel()
        {
            try
            {
                if (File.Exists("/proc/cpuinfo"))
                {
                    var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                    if (line != null) return line.Substring(line.IndexOf(':') + 1).Trim();
                }
            }
            catch (IOException)
            {
            }

            return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? "unknown CPU";
        }
    }
}
