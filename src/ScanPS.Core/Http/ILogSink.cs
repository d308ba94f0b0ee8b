namespace ScanPS.Http
{
    /// <summary>Where <see cref="RequestLog"/> writes its queued lines: the command host, on the pipeline thread.</summary>
    public interface ILogSink
    {
        void WriteWarning(string message);

        void WriteVerbose(string message);

        void WriteDebug(string message);
    }
}
