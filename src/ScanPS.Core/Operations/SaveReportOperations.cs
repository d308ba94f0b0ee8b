using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Errors;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>What Save-ScanReport was given for one scan (the cmdlet has resolved -Path to a file-system path).</summary>
    public sealed class SaveReportInput
    {
        public string Provider { get; set; } = string.Empty;
        public string ScanId { get; set; } = string.Empty;
        public string? Format { get; set; }
        public string? ReportType { get; set; }
        public string? TargetId { get; set; }

        /// <summary>True when -TargetId was typed (not bound from a piped object): refused for providers that take none.</summary>
        public bool TargetIdGiven { get; set; }
        public int? TimeoutSeconds { get; set; }

        /// <summary>The destination as a full file-system path: an existing folder (or one ending in a separator), or a file.</summary>
        public string Path { get; set; } = string.Empty;
        public bool Force { get; set; }
    }

    /// <summary>
    /// Save-ScanReport: checks the input against the provider's <see cref="ReportFacts"/> and the destination before any
    /// request, asks ShouldProcess, opens the vendor's report (the downloader) and streams its body to a temporary file
    /// in the destination folder, showing progress in bytes; only a complete body is renamed to the file's name. A body
    /// that breaks off is not retried (the GET before its headers is, by the transport): the temporary file is deleted
    /// and the error says so, so no half file is ever left under the report's name.
    /// </summary>
    public static class SaveReportOperations
    {
        public const string CommandName = "Save-ScanReport";

        /// <summary>The Write-Progress activity id of a download.</summary>
        public const int ProgressId = 19;

        private const int BufferSize = 81920;

        /// <summary>Saves one scan's report; per-scan problems are non-terminating errors, credential and connection ones end the command.</summary>
        public static void Save(ICommandHost host, SaveReportInput input, Func<ProviderSession> openSession)
        {
            host.CancellationToken.ThrowIfCancellationRequested();
            Plan plan;
            try
            {
                plan = Check(input);
            }
            catch (ScanPSException ex)
            {
                host.WriteError(ex.Error);
                return;
            }

            var session = openSession();
            var downloader = session.ReportDownloader(CommandName);
            string action = "Save the " + plan.Request.Format + (plan.Request.ReportType == null ? string.Empty : " " + plan.Request.ReportType) + " report of scan " + plan.Request.ScanId;
            if (!host.ShouldProcess(plan.Destination + " (from " + session.Display + ")", action)) return;

            try
            {
                using var report = AsyncBridge.Wait(downloader.OpenReportAsync(plan.Request, host.CancellationToken), session.Log, host);
                string destination = plan.Destination;
                if (plan.InFolder && report.Extension != null && !string.Equals(report.Extension, ReportFacts.ExtensionOf(plan.Request.Format), StringComparison.OrdinalIgnoreCase))
                {
                    destination = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(destination)!, FileName(input.Provider, plan.Request, report.Extension));
                    CheckOverwrite(destination, input.Force);
                }

                var file = Download(host, session, report, plan.Request, destination, input.Force);
                host.WriteObject(file);
            }
            catch (ScanPSException ex) when (!ScanOperations.IsFatal(ex.Error) || ex.Error.ErrorId == ErrorIds.ReportDownloadInterrupted)
            {
                session.Log.DrainTo(host);
                host.WriteError(ex.Error);
            }
        }

        /// <summary>The file name in a folder: &lt;Provider&gt;-&lt;ScanId&gt;[-&lt;ReportType&gt;].&lt;extension&gt;, e.g. Invicti-3fa8…-ScanDetail.pdf.</summary>
        public static string FileName(string provider, ReportRequest request, string? extension = null)
        {
            string name = provider + "-" + request.ScanId + (request.ReportType == null ? string.Empty : "-" + request.ReportType) + "." + (extension ?? ReportFacts.ExtensionOf(request.Format));
            foreach (char c in System.IO.Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
            return name;
        }

        private sealed class Plan
        {
            public Plan(ReportRequest request, string destination, bool inFolder)
            {
                Request = request;
                Destination = destination;
                InFolder = inFolder;
            }

            public ReportRequest Request { get; }
            public string Destination { get; }
            public bool InFolder { get; }
        }

        /// <summary>Everything that can be refused without the network: provider, ids, format, type, target, timeout, path, overwrite.</summary>
        private static Plan Check(SaveReportInput input)
        {
            var definition = ProviderDefinition.Get(input.Provider);
            input.Provider = definition.Name;
            var facts = definition.Reports ?? throw definition.NotSupported(CommandName);
            string scanId = definition.NormaliseScanId(input.ScanId);
            string format = facts.NormaliseFormat(input.Format);
            var request = new ReportRequest(scanId, format) { ReportType = facts.NormaliseType(input.ReportType, format) };
            if (facts.NeedsTargetId)
            {
                if (string.IsNullOrWhiteSpace(input.TargetId))
                {
                    throw new ScanPSError(
                        ErrorIds.MissingTargetId,
                        ScanPSErrorCategory.InvalidArgument,
                        "The " + definition.Name + " report of scan " + scanId + " needs the scan's target id. Nothing was sent.",
                        scanId)
                    { RecommendedAction = "Pass -TargetId, or pipe the scan object (its TargetId binds)." }.ToException();
                }

                request.TargetId = ResourceIds.CheckTargetId(input.TargetId, definition.Name);
            }
            else if (input.TargetIdGiven && !string.IsNullOrWhiteSpace(input.TargetId))
            {
                throw NotForProvider("TargetId", definition.Name, "its report path names only the scan");
            }

            if (input.TimeoutSeconds.HasValue)
            {
                if (!facts.WaitsForReport) throw NotForProvider("Timeout", definition.Name, "it answers with the file at once, so there is nothing to wait for");
                request.Timeout = TimeSpan.FromSeconds(input.TimeoutSeconds.Value);
            }

            bool inFolder = IsFolder(input.Path);
            string destination;
            if (inFolder)
            {
                if (!Directory.Exists(input.Path)) throw BadPath(input.Path, "the folder does not exist");
                destination = System.IO.Path.Combine(input.Path, FileName(definition.Name, request));
            }
            else
            {
                string? folder = System.IO.Path.GetDirectoryName(input.Path);
                if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder)) throw BadPath(input.Path, "its folder does not exist");
                destination = input.Path;
            }

            CheckOverwrite(destination, input.Force);
            return new Plan(request, destination, inFolder);
        }

        private static bool IsFolder(string path) =>
            Directory.Exists(path) || path.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ||
            path.EndsWith(System.IO.Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal);

        private static void CheckOverwrite(string destination, bool force)
        {
            if (Directory.Exists(destination)) throw BadPath(destination, "it is a folder");
            if (force || !File.Exists(destination)) return;
            throw new ScanPSError(
                ErrorIds.ReportFileExists,
                ScanPSErrorCategory.ResourceExists,
                "The file " + destination + " already exists. Nothing was downloaded.",
                destination)
            { RecommendedAction = "Add -Force to replace it, or pass another -Path." }.ToException();
        }

        private static ScanPSException BadPath(string path, string problem) =>
            new ScanPSError(ErrorIds.InvalidReportPath, ScanPSErrorCategory.InvalidArgument, "Cannot save a report to " + path + ": " + problem + ". Nothing was downloaded.", path)
            { RecommendedAction = "Pass -Path an existing folder, or a file name in an existing folder." }.ToException();

        private static ScanPSException NotForProvider(string parameter, string provider, string why) =>
            new ScanPSError(
                ErrorIds.ParameterNotValidForProvider,
                ScanPSErrorCategory.InvalidArgument,
                "-" + parameter + " cannot be used with " + CommandName + " -Provider " + provider + ": " + why + ". Nothing was sent.",
                parameter)
            { RecommendedAction = "Get-Help " + CommandName + " -Parameter " + parameter + " says which providers take it." }.ToException();

        /// <summary>Streams the body to a temporary file beside the destination (progress on the pipeline thread), then renames it.</summary>
        private static FileInfo Download(ICommandHost host, ProviderSession session, ReportResponse report, ReportRequest request, string destination, bool force)
        {
            string folder = System.IO.Path.GetDirectoryName(destination)!;
            string temporary = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            var counter = new ByteCounter();
            long? length = report.Length;
            string activity = CommandName + " " + session.Provider + " scan " + request.ScanId;
            var progress = host as IProgressHost;
            void Show(bool completed)
            {
                if (progress == null) return;
                long written = counter.Value;
                string status = written.ToString("N0", CultureInfo.InvariantCulture) + (length.HasValue ? " of " + length.Value.ToString("N0", CultureInfo.InvariantCulture) : string.Empty) + " bytes to " + System.IO.Path.GetFileName(destination);
                progress.WriteProgress(new ProgressReport(ProgressId, activity, status)
                {
                    PercentComplete = length.HasValue && length.Value > 0 ? (int)Math.Min(100, written * 100 / length.Value) : -1,
                    Completed = completed,
                });
            }

            bool renamed = false;
            try
            {
                Show(false);
                var task = CopyAsync(report, temporary, counter, host.CancellationToken);
                var handle = ((IAsyncResult)task).AsyncWaitHandle;
                while (!handle.WaitOne(TimeSpan.FromMilliseconds(250)))
                {
                    session.Log.DrainTo(host);
                    Show(false);
                }

                session.Log.DrainTo(host);
                Show(false);
                try
                {
                    task.GetAwaiter().GetResult();
                }
                catch (BodyBrokeOff ex)
                {
                    throw Interrupted(session, report, destination, counter.Value, length, ex.InnerException!.GetBaseException().Message, ex.InnerException);
                }
                catch (IOException ex)
                {
                    throw WriteFailed(destination, ex);
                }
                catch (UnauthorizedAccessException ex)
                {
                    throw WriteFailed(destination, ex);
                }

                if (length.HasValue && counter.Value != length.Value)
                {
                    throw Interrupted(session, report, destination, counter.Value, length, "the body ended early", null);
                }

                try
                {
                    if (force && File.Exists(destination)) File.Delete(destination);
                    File.Move(temporary, destination);
                    renamed = true;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    throw WriteFailed(destination, ex);
                }

                session.Log.Verbose(session.Provider + " report of scan " + request.ScanId + ": " + counter.Value.ToString("N0", CultureInfo.InvariantCulture) + " bytes saved to " + destination + ".");
                session.Log.DrainTo(host);
                return new FileInfo(destination);
            }
            finally
            {
                if (!renamed) TryDelete(temporary);
                Show(true);
            }
        }

        private static async Task CopyAsync(ReportResponse report, string temporary, ByteCounter counter, CancellationToken cancellationToken)
        {
            // Ctrl+C: closing the response ends a read that does not watch the token (net472).
            using var registration = cancellationToken.Register(report.Dispose);
            using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            Stream body;
            try
            {
                body = await report.Response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransport(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw new BodyBrokeOff(ex);
            }

            using (body)
            {
                var buffer = new byte[BufferSize];
                while (true)
                {
                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (IsTransport(ex) && !cancellationToken.IsCancellationRequested)
                    {
                        throw new BodyBrokeOff(ex);
                    }
                    catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(cancellationToken);
                    }

                    if (read == 0) break;
                    await file.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                    counter.Add(read);
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private static bool IsTransport(Exception ex) => ex is IOException || ex is System.Net.Http.HttpRequestException || ex is System.Net.WebException;

        private static ScanPSException Interrupted(ProviderSession session, ReportResponse report, string destination, long written, long? length, string why, Exception? inner) =>
            new ScanPSError(
                ErrorIds.ReportDownloadInterrupted,
                ScanPSErrorCategory.ConnectionError,
                "The " + session.Provider + " report (" + report.Request + ") broke off after " + written.ToString("N0", CultureInfo.InvariantCulture) +
                (length.HasValue ? " of " + length.Value.ToString("N0", CultureInfo.InvariantCulture) : string.Empty) + " bytes (" + session.Log.Redact(why) + "). " +
                "No file was written to " + destination + " (the partial download was deleted).",
                destination)
            { InnerException = inner, RecommendedAction = "Run the command again; a download that breaks off is not resumed or retried part way." }.ToException();

        private static ScanPSException WriteFailed(string destination, Exception ex) =>
            new ScanPSError(ErrorIds.ReportWriteFailed, ScanPSErrorCategory.WriteError, "Could not write the report to " + destination + " (" + ex.Message + "). No file was left there.", destination)
            { InnerException = ex, RecommendedAction = "Check the folder's free space and permissions." }.ToException();

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
                // Still open (a read that has not ended): nothing more can be done here.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>A failure reading the vendor's body (as opposed to writing the file).</summary>
        private sealed class BodyBrokeOff : Exception
        {
            public BodyBrokeOff(Exception inner) : base(inner.Message, inner)
            {
            }
        }

        private sealed class ByteCounter
        {
            private long _value;

            public long Value => Interlocked.Read(ref _value);

            public void Add(int count) => Interlocked.Add(ref _value, count);
        }
    }
}
