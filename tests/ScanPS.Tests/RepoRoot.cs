using System;
using System.IO;

namespace ScanPS.Tests
{
    public static class RepoRoot
    {
        public static string Path { get; } = Find();

        private static string Find()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "ScanPS.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("ScanPS.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
