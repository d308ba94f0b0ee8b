using System;
using System.Globalization;

namespace ScanPS.Benchmarks.Server
{
    /// <summary>What the listing server saw since its last reset (one benchmark run).</summary>
    public sealed class ServerStats
    {
        public ServerStats(int requests, int connectionsUsed, int connectionsAccepted, int rejected)
        {
            Requests = requests;
            ConnectionsUsed = connectionsUsed;
            ConnectionsAccepted = connectionsAccepted;
            Rejected = rejected;
        }

        /// <summary>Listing requests answered with a page.</summary>
        public int Requests { get; }

        /// <summary>Distinct TCP connections that carried those requests (a pooled connection from an earlier run counts once).</summary>
        public int ConnectionsUsed { get; }

        /// <summary>New TCP connections accepted.</summary>
        public int ConnectionsAccepted { get; }

        /// <summary>Requests refused (401 without the API key header, 404 for an unknown path).</summary>
        public int Rejected { get; }

        /// <summary>The control endpoint's one-line form: "requests=200 connections_used=1 connections_accepted=0 rejected=0".</summary>
        public string ToLine() => string.Format(CultureInfo.InvariantCulture,
            "requests={0} connections_used={1} connections_accepted={2} rejected={3}", Requests, ConnectionsUsed, ConnectionsAccepted, Rejected);

        public static ServerStats Parse(string line)
        {
            int requests = -1, used = -1, accepted = -1, rejected = -1;
            foreach (string part in line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                if (eq < 0) continue;
                int value = int.Parse(part.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture);
                switch (part.Substring(0, eq))
                {
                    case "requests": requests = value; break;
                    case "connections_used": used = value; break;
                    case "connections_accepted": accepted = value; break;
                    case "rejected": rejected = value; break;
                }
            }

            if (requests < 0 || used < 0 || accepted < 0 || rejected < 0) throw new FormatException("Not a stats line: " + line);
            return new ServerStats(requests, used, accepted, rejected);
        }
    }
}
