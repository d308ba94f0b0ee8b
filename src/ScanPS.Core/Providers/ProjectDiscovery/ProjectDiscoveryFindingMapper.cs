using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ScanPS.Models;

namespace ScanPS.Providers.ProjectDiscovery
{
    internal static class ProjectDiscoveryFindingMapper
    {
        /// <summary>event.info.severity column of the severity table: info and unknown are Info, and so is anything else.</summary>
        internal static readonly IReadOnlyDictionary<string, FindingSeverity> SeverityTable = new Dictionary<string, FindingSeverity>(StringComparer.OrdinalIgnoreCase)
        {
            ["info"] = FindingSeverity.Info,
            ["unknown"] = FindingSeverity.Info,
            ["low"] = FindingSeverity.Low,
            ["medium"] = FindingSeverity.Medium,
            ["high"] = FindingSeverity.High,
            ["critical"] = FindingSeverity.Critical,
        };

        /// <summary>vuln_status: open and fixed are documented ("e.g vuln_status=open,fixed"); anything else is Unknown, kept raw.</summary>
        internal static FindingStatus Status(string? vulnStatus)
        {
            if (string.Equals(vulnStatus, "open", StringComparison.OrdinalIgnoreCase)) return FindingStatus.Open;
            if (string.Equals(vulnStatus, "fixed", StringComparison.OrdinalIgnoreCase)) return FindingStatus.Fixed;
            return FindingStatus.Unknown;
        }

        /// <summary>
        /// One result as a finding. <paramref name="scanId"/> is used when the row carries none (a nuclei export line);
        /// the first event with an info block gives title, severity and classification.
        /// </summary>
        internal static ProjectDiscoveryFinding ToFinding(ProjectDiscoveryWireResult wire, string? scanId = null)
        {
            var events = wire.Event?.Where(e => e != null).Select(e => e!).ToList() ?? new List<ProjectDiscoveryWireEvent>();
            var first = events.FirstOrDefault(e => e.Info != null) ?? events.FirstOrDefault();
            var info = first?.Info ?? wire.Info;
            var classification = info?.Classification;
            string? templateId = FindingValues.NullIfEmpty(wire.TemplateId) ?? first?.TemplateId ?? wire.NucleiTemplateId;
            string? matchedAt = FindingValues.NullIfEmpty(first?.MatchedAt) ?? wire.MatchedAt;
            string id = FindingValues.NullIfEmpty(wire.VulnId) ?? FindingValues.NullIfEmpty(wire.VulnHash) ?? (templateId + "|" + matchedAt);
            return new ProjectDiscoveryFinding(FindingValues.NullIfEmpty(wire.ScanId) ?? scanId ?? string.Empty, id)
            {
                Title = info?.Name,
                Severity = FindingValues.Severity(SeverityTable, info?.Severity),
                VendorSeverity = info?.Severity,
                Target = FindingValues.NullIfEmpty(wire.Target) ?? first?.Host ?? wire.Host,
                Status = Status(wire.VulnStatus),
                VendorStatus = wire.VulnStatus,
                RuleId = templateId,
                Location = matchedAt,
                Cvss = FindingValues.Number(classification?.CvssScore),
                CvssVector = FindingValues.NullIfEmpty(classification?.CvssMetrics),
                Cwe = FindingValues.Cwes(classification?.CweId),
                Cve = FindingValues.Cves(classification?.CveId),
                FirstSeen = FindingValues.IsoTime(wire.CreatedAt) ?? FindingValues.IsoTime(first?.Timestamp ?? wire.Timestamp),
                LastSeen = FindingValues.IsoTime(wire.UpdatedAt) ?? FindingValues.IsoTime(wire.CreatedAt),
                VulnHash = wire.VulnHash,
                VulnStatus = wire.VulnStatus,
                IsRegression = wire.IsRegression,
                IsInternal = wire.IsInternal,
                TemplateId = templateId,
                TemplatePath = FindingValues.NullIfEmpty(wire.TemplatePath) ?? first?.TemplatePath ?? wire.NucleiTemplatePath,
                TemplateUrl = wire.TemplateUrl,
                MatchedAt = matchedAt,
                Host = FindingValues.NullIfEmpty(first?.Host) ?? wire.Host,
                Ip = FindingValues.NullIfEmpty(first?.Ip) ?? wire.Ip,
                Port = Port(wire.Port) ?? Port(first?.Port),
                MatchType = FindingValues.NullIfEmpty(first?.Type) ?? wire.Type,
                ResultType = wire.ResultType,
                MatcherName = FindingValues.NullIfEmpty(first?.MatcherName) ?? wire.MatcherName,
                ExtractedResults = FindingValues.List(first?.ExtractedResults ?? wire.ExtractedResults),
                Description = FindingValues.NullIfEmpty(wire.Description) ?? info?.Description,
                Impact = FindingValues.NullIfEmpty(wire.Impact) ?? info?.Impact,
                Remediation = FindingValues.NullIfEmpty(wire.Remediation) ?? info?.Remediation,
                References = FindingValues.List(wire.Reference ?? info?.Reference),
                Tags = FindingValues.List(info?.Tags),
                Labels = FindingValues.List(wire.Labels),
                EpssScore = FindingValues.Number(classification?.EpssScore),
                EpssPercentile = FindingValues.Number(classification?.EpssPercentile),
                Cpe = FindingValues.NullIfEmpty(classification?.Cpe),
                CurlCommand = FindingValues.NullIfEmpty(first?.CurlCommand) ?? FindingValues.NullIfEmpty(wire.CurlCommand),
            };
        }

        internal static int? Port(JsonElement? element)
        {
            string? text = FindingValues.Text(element);
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) ? port : (int?)null;
        }

        /// <summary>
        /// The rows of a type=json export, read as they arrive: a JSON array of results, or one result per line
        /// (nuclei JSONL); which one the vendor sends is UNCONFIRMED, so the first character decides. Blank lines are skipped.
        /// </summary>
        internal static async IAsyncEnumerable<ProjectDiscoveryWireResult> ReadExportAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var buffered = new BufferedStream(stream, 64 * 1024);
            int first;
            while ((first = buffered.ReadByte()) >= 0 && (first == ' ' || first == '\t' || first == '\r' || first == '\n' || first == 0xEF || first == 0xBB || first == 0xBF))
            {
            }

            if (first < 0) yield break;
            var rest = new PrefixedStream((byte)first, buffered);
            if (first == '[')
            {
                await foreach (var row in JsonSerializer.DeserializeAsyncEnumerable(rest, ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireResult, cancellationToken).ConfigureAwait(false))
                {
                    if (row != null) yield return row;
                }

                yield break;
            }

            using var reader = new StreamReader(rest, Encoding.UTF8);
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) != null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Trim().Length == 0) continue;
                var row = JsonSerializer.Deserialize(line, ProjectDiscoveryFindingJsonContext.Default.ProjectDiscoveryWireResult);
                if (row != null) yield return row;
            }
        }

        /// <summary>A stream that gives one byte already read, then the rest of another stream.</summary>
        private sealed class PrefixedStream : Stream
        {
            private readonly Stream _inner;
            private int _prefix;

            public PrefixedStream(byte prefix, Stream inner)
            {
                _prefix = prefix;
                _inner = inner;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (count == 0) return 0;
                if (_prefix >= 0)
                {
                    buffer[offset] = (byte)_prefix;
                    _prefix = -1;
                    return 1;
                }

                return _inner.Read(buffer, offset, count);
            }

            public override async System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                if (count == 0) return 0;
                if (_prefix >= 0)
                {
                    buffer[offset] = (byte)_prefix;
                    _prefix = -1;
                    return 1;
                }

                return await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
