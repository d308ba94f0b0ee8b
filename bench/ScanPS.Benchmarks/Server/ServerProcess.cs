using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ScanPS.Benchmarks.Server
{
    /// <summary>
    /// The listing server in a child process ("serve" mode of this program), so its pre-rendered pages and its
    /// work never count in the client's allocation and memory figures. It stops when its stdin closes.
    /// </summary>
    public sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, Uri dataUri, Uri controlUri)
        {
            _process = process;
            DataUri = dataUri;
            ControlUri = controlUri;
        }

        public Uri DataUri { get; }

        public Uri ControlUri { get; }

        public static ServerProcess Start(int[] listingSizes, int pageSize)
        {
            var process = Process.Start(SelfStartInfo(
                "serve", "--sizes", string.Join(",", listingSizes.Select(s => s.ToString(CultureInfo.InvariantCulture))),
                "--page-size", pageSize.ToString(CultureInfo.InvariantCulture)))
                ?? throw new InvalidOperationException("Could not start the listing server process.");
            string? line = process.StandardOutput.ReadLine();
            if (line == null || !TryParseReadyLine(line, out var data, out var control))
            {
                string error = process.StandardError.ReadToEnd();
                process.Kill();
                throw new InvalidOperationException("The listing server did not start: " + line + " " + error);
            }

            return new ServerProcess(process, data, control);
        }

        /// <summary>The line "serve" prints once it listens: "ready data=http://127.0.0.1:p/ control=http://127.0.0.1:q/".</summary>
        public static string ReadyLine(Uri data, Uri control) => "ready data=" + data + " control=" + control;

        public static bool TryParseReadyLine(string line, out Uri data, out Uri control)
        {
            data = control = null!;
            var parts = line.Split(' ');
            if (parts.Length != 3 || parts[0] != "ready") return false;
            return Uri.TryCreate(parts[1].Substring("data=".Length), UriKind.Absolute, out data!) &&
                   Uri.TryCreate(parts[2].Substring("control=".Length), UriKind.Absolute, out control!);
        }

        /// <summary>This benchmark program run again with other arguments, through the same dotnet host.</summary>
        public static ProcessStartInfo SelfStartInfo(params string[] arguments)
        {
            string dll = typeof(ServerProcess).Assembly.Location;
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? string.Empty;
            if (!File.Exists(host))
            {
                string current = Environment.ProcessPath ?? "dotnet";
                host = Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? current : "dotnet";
            }

            var info = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(dll);
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            return info;
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000)) _process.Kill();
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }
    }
}
