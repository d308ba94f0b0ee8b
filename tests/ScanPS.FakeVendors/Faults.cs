using System;
using System.Collections.Generic;

namespace ScanPS.FakeVendors;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Respond with <see cref="Fault.StatusCode"/>, optional Retry-After and a JSON body.</summary>
    Status,

    /// <summary>Wait <see cref="Fault.Delay"/> (honouring RequestAborted), then serve normally.</summary>
    Delay,

    /// <summary>200 application/json whose body is cut off mid-token.</summary>
    MalformedJson,

    /// <summary><see cref="Fault.StatusCode"/> with a text/html page, like a proxy or gateway error.</summary>
    Html,

    /// <summary>Abort the connection without responding.</summary>
    DropConnection,

    /// <summary>200 with Content-Length 1000 but only 20 bytes sent before the connection is aborted.</summary>
    TruncatedBody,

    /// <summary>
    /// Serve normally (status, headers, full Content-Length), but end the connection once <see cref="Fault.AfterBytes"/>
    /// bytes of the body have gone out: a download cut off part way.
    /// </summary>
    CutOffAfterBytes,
}

/// <summary>A fault to apply to the next <see cref="Times"/> matching requests.</summary>
public sealed class Fault
{
    /// <summary>HTTP method to match (case-insensitive); null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Matched against the request path with ordinal StartsWith.</summary>
    public string PathPrefix { get; init; } = "/";

    public FaultKind Kind { get; init; }

    /// <summary>Status code for <see cref="FaultKind.Status"/> and <see cref="FaultKind.Html"/>.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>Retry-After header value sent verbatim ("2" or an HTTP date), for Status and Html.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Body for <see cref="FaultKind.Status"/>; default {"error":"&lt;reason phrase&gt;"}. Always sent as application/json.</summary>
    public string? Body { get; init; }

    /// <summary>How long <see cref="FaultKind.Delay"/> waits before normal handling.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Body bytes sent before <see cref="FaultKind.CutOffAfterBytes"/> ends the connection.</summary>
    public long AfterBytes { get; init; }

    /// <summary>How many matching requests this fault affects.</summary>
    public int Times { get; init; } = 1;

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && path.StartsWith(PathPrefix, StringComparison.Ordinal);
}

/// <summary>FIFO queue of faults, consulted for every request after it has been recorded.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Entry> _queue = new();

    /// <summary>Number of faults still queued (not the sum of their remaining Times).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues a fault behind any already queued. Invalid faults throw here, so a test fails at the line that built them.</summary>
    public void Enqueue(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(fault.PathPrefix, nameof(fault) + "." + nameof(Fault.PathPrefix));
        if (fault.Times < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Times, "Fault.Times must be at least 1.");
        }

        if ((fault.Kind is FaultKind.Status or FaultKind.Html) && (fault.StatusCode < 100 || fault.StatusCode > 599))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.StatusCode, "Fault.StatusCode must be 100-599.");
        }

        if (fault.Kind == FaultKind.Delay && fault.Delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Delay, "Fault.Delay must not be negative.");
        }

        if (fault.Kind == FaultKind.CutOffAfterBytes && fault.AfterBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.AfterBytes, "Fault.AfterBytes must not be negative.");
        }

        if (!Enum.IsDefined(fault.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Unknown FaultKind.");
        }

        lock (_gate)
        {
            _queue.Add(new Entry(fault, fault.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    /// <summary>Takes one use of the first matching fault (removing it when used up), or returns null.</summary>
    internal Fault? TryConsume(string method, string path)
    {
        lock (_gate)
        {
            for (int i = 0; i < _queue.Count; i++)
            {
                Entry entry = _queue[i];
                if (!entry.Fault.Matches(method, path))
                {
                    continue;
                }

                entry.Remaining--;
                if (entry.Remaining == 0)
                {
                    _queue.RemoveAt(i);
                }

                return entry.Fault;
            }
        }

        return null;
    }

    // Remaining is tracked here because Fault is init-only and may be shared by the caller.
    private sealed class Entry(Fault fault, int remaining)
    {
        public Fault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }
}
