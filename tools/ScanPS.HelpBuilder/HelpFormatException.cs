using System;

namespace ScanPS.HelpBuilder
{
    /// <summary>A docs page does not follow the PlatyPS structure; the message names the file and line.</summary>
    public sealed class HelpFormatException : Exception
    {
        /// <summary>Creates the error for a line of a docs file (line 0 when it concerns the whole file).</summary>
        public HelpFormatException(string file, int line, string message)
            : base(line > 0 ? file + "(" + line + "): " + message : file + ": " + message)
        {
            File = file;
            Line = line;
            Reason = message;
        }

        /// <summary>What is wrong, without the file and line.</summary>
        public string Reason { get; }

        /// <summary>The markdown file at fault.</summary>
        public string File { get; }

        /// <summary>1-based line number, or 0.</summary>
        public int Line { get; }
    }
}
