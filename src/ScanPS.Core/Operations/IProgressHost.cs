namespace ScanPS.Operations
{
    /// <summary>
    /// A command host that shows progress (Write-Progress). Optional beside <see cref="ICommandHost"/>: a host without it
    /// (a test's recording host) simply shows none. Called on the pipeline thread only.
    /// </summary>
    public interface IProgressHost
    {
        void WriteProgress(ProgressReport report);
    }

    /// <summary>One progress line: what Write-Progress shows (percent -1 when the total is unknown).</summary>
    public sealed class ProgressReport
    {
        public ProgressReport(int activityId, string activity, string status)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
        }

        public int ActivityId { get; }

        public string Activity { get; }

        public string Status { get; }

        public int PercentComplete { get; set; } = -1;

        /// <summary>True for the last record of the activity (the bar goes away).</summary>
        public bool Completed { get; set; }
    }
}
