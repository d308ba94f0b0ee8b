using System;
using System.IO;

namespace ScanPS.HelpBuilder
{
    /// <summary>
    /// <c>dotnet ScanPS.HelpBuilder.dll &lt;docs folder&gt; &lt;output folder&gt;</c>: writes the MAML and about
    /// topics. Exit code 1 with an MSBuild-style message (<c>file(line): error HELP001: …</c>) when a page is
    /// malformed, so the build fails pointing at the line.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Main with its output streams passed in (the tests read them).</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length != 2)
            {
                error.WriteLine("usage: ScanPS.HelpBuilder <docs folder> <output folder>");
                return 2;
            }

            string docs = Path.GetFullPath(args[0]);
            try
            {
                foreach (var file in HelpBuild.Run(docs, Path.GetFullPath(args[1])))
                {
                    output.WriteLine("ScanPS.HelpBuilder -> " + file);
                }

                return 0;
            }
            catch (HelpFormatException ex)
            {
                error.WriteLine(Path.Combine(docs, ex.File) + (ex.Line > 0 ? "(" + ex.Line + ")" : string.Empty) + ": error HELP001: " + ex.Reason);
                return 1;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                error.WriteLine("ScanPS.HelpBuilder: error HELP002: " + ex.Message);
                return 1;
            }
        }
    }
}
