using System;
using System.Collections.Generic;
using System.Linq;
using ScanPS.Errors;
using ScanPS.Models;
using ScanPS.Providers;

namespace ScanPS.Operations
{
    /// <summary>-First/-Skip across every scan of one Get-ScanFinding invocation (PowerShell's paging counts the whole output).</summary>
    public sealed class FindingPaging
    {
        public FindingPaging(ulong skip, ulong first)
        {
            Skip = skip;
            First = first;
        }

        public ulong Skip { get; }

        public ulong First { get; }

        public ulong Skipped { get; internal set; }

        public ulong Emitted { get; internal set; }

        /// <summary>True once -First findings were written: nothing more is read.</summary>
        public bool Done => Emitted >= First;
    }

    /// <summary>The logic of Get-ScanFinding, driven through <see cref="ICommandHost"/>.</summary>
    public static class FindingOperations
    {
        public const string CommandName = "Get-ScanFinding";

        /// <summary>
        /// Writes the findings of one scan that pass the query's filters, as they arrive, honouring -Skip/-First across
        /// the invocation. A scan that cannot be read (ScanNotFound, a vendor refusal) is a non-terminating error and
        /// the next piped scan is still read; errors no other scan can fare better with (authentication, connection) end
        /// the command.
        /// </summary>
        public static void GetFindings(ICommandHost host, ProviderSession session, FindingQuery query, FindingPaging paging)
        {
            var reader = session.FindingReader(CommandName);
            if (paging.Done) return;
            DescribeFilters(host, session, query);
            var enumerator = reader.ReadFindingsAsync(query, host.CancellationToken).GetAsyncEnumerator(host.CancellationToken);
            try
            {
                while (!paging.Done)
                {
                    bool more;
                    try
                    {
                        more = AsyncBridge.Wait(enumerator.MoveNextAsync(), session.Log, host);
                    }
                    catch (ScanPSException ex) when (!ScanOperations.IsFatal(ex.Error))
                    {
                        session.Log.DrainTo(host);
                        host.WriteError(ex.Error);
                        return;
                    }

                    if (!more) break;
                    var finding = enumerator.Current;
                    if (!query.Matches(finding)) continue;
                    if (paging.Skipped < paging.Skip)
                    {
                        paging.Skipped++;
                        continue;
                    }

                    host.WriteObject(finding);
                    paging.Emitted++;
                }
            }
            finally
            {
                enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
                session.Log.DrainTo(host);
            }
        }

        /// <summary>The query for a scan id (checked as the vendor's ids are, before any request) and the piped object, if any.</summary>
        public static FindingQuery Query(ProviderSession session, string scanId, object? piped, string? targetId, IReadOnlyCollection<FindingSeverity> severities, IReadOnlyCollection<FindingStatus> statuses)
        {
            string id = session.Definition.NormaliseScanId(scanId);
            var scan = piped as Scan;
            bool same = scan != null && string.Equals(scan.Provider, session.Provider, StringComparison.Ordinal) && SameId(session, scan.Id, id);
            return new FindingQuery(id)
            {
                Scan = same ? scan : null,
                TargetId = string.IsNullOrWhiteSpace(targetId) ? null : targetId!.Trim(),
                Severities = severities,
                Statuses = statuses,
            };
        }

        private static bool SameId(ProviderSession session, string? pipedId, string id)
        {
            try
            {
                return pipedId != null && string.Equals(session.Definition.NormaliseScanId(pipedId), id, StringComparison.OrdinalIgnoreCase);
            }
            catch (ScanPSException)
            {
                return false;
            }
        }

        private static void DescribeFilters(ICommandHost host, ProviderSession session, FindingQuery query)
        {
            if (query.Severities.Count == 0 && query.Statuses.Count == 0) return;
            var server = session.Definition.ServerSideFindingFilters;
            var asked = new List<string>();
            if (query.Severities.Count > 0) asked.Add("Severity");
            if (query.Statuses.Count > 0) asked.Add("Status");
            var sent = asked.Where(a => server.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
            var local = asked.Except(sent).ToList();
            host.WriteVerbose(session.Provider + " filters " + (sent.Count == 0 ? "none of the findings itself" : "-" + string.Join(", -", sent) + " itself where it has the values") +
                (local.Count == 0 ? string.Empty : "; ScanPS filters -" + string.Join(", -", local)) + " (every finding is checked against the filters again).");
        }
    }
}
