using System;
using System.IO;

namespace ScanPS.HelpBuilder
{
    /// <summary>
    /// <c>dotnet ScanPS.HelpBuilder.dll &lt;docs folder&gt; &lt;output folder&gt;</c>: writes the MAML and about
    /// topics. Exit code 1 with an MSBuild-style message (file(line): error) when a page is malformed.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: ScanPS.HelpBuilder <docs folder> <output folder>");
                return 2;
            }

            try
            {
                foreach (var file in HelpBuild.Run(Path.GetFullPath(args[0]), Path.GetFullPath(args[1])))
                {
                    Console.WriteLine("ScanPS.HelpBuilder -> " + file);
                }

                return 0;
            }
            catch (HelpFormatException ex)
            {
                // Relative to the docs folder, so MSBuild prints it as a clickable file(line) error.
                Console.Error.WriteLine(Path.Combine(Path.GetFullPath(args[0]), ex.File) + (ex.Line > 0 ? "(" + ex.Line + ")" : string.Empty) + ": error HELP001: " + ex.Reason);
                return 1;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("ScanPS.HelpBuilder: error HELP002: " + ex.Message);
                return 1;
            }
        }
    }
}
