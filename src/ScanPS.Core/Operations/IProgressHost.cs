namespace ScanPS.Operations
{
    /// <summary>A command host that can show progress (Write-Progress); operations that report progress ask for it with "as".</summary>
    public interface IProgressHost
    {
        /// <summary>
        /// One progress record: <paramref name="activityId"/> tells records apart, <paramref name="percent"/> is
        /// 0–100 or -1 when unknown, <paramref name="completed"/> ends the record.
        /// </summary>
        void WriteProgress(int activityId, string activity, string status, int percent, bool completed);
    }
}
