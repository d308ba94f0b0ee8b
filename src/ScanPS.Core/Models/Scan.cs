using System;

namespace ScanPS.Models
{
    /// <summary>A scan state that means the same across vendors; the vendor's own value stays in VendorState.</summary>
    public enum ScanState
    {
        Unknown,
        Queued,
        Running,
        Completed,
        Failed,
        Cancelled,
        Paused,
    }

    /// <summary>
    /// What every provider's scan object has: Provider and Id (so objects pipe into the next ScanPS cmdlet
    /// by property name), a normalised State and the vendor's raw state.
    /// They are virtual only so each scan type can declare them again first: PowerShell lists a type's own
    /// properties before its base class's, and Format-List * should start with Provider, Id, State.
    /// </summary>
    public abstract class Scan
    {
        protected Scan(string provider, string id)
        {
            Provider = provider;
            Id = id;
        }

        public virtual string Provider { get; }

        public virtual string Id { get; }

        public virtual ScanState State { get; internal set; }

        /// <summary>The state exactly as the vendor sent it (values outside the documented set are kept).</summary>
        public virtual string? VendorState { get; internal set; }

        /// <summary>True when the scan will not change any more (completed, failed or cancelled).</summary>
        public bool IsFinished => State == ScanState.Completed || State == ScanState.Failed || State == ScanState.Cancelled;
    }
}
