using System;
using System.IO;
using System.Text;
using ScanPS.Errors;

namespace ScanPS.Providers.ProjectDiscovery
{
    /// <summary>One private_templates entry: a nuclei template sent inline with the scan.</summary>
    public sealed class ProjectDiscoveryPrivateTemplate
    {
        public ProjectDiscoveryPrivateTemplate(string name, string contents)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Contents = contents ?? throw new ArgumentNullException(nameof(contents));
        }

        /// <summary>The template's name as the platform shows it: the file name (UNCONFIRMED: the docs only say "name").</summary>
        public string Name { get; }

        /// <summary>The template YAML.</summary>
        public string Contents { get; }

        /// <summary>Reads a template file (UTF-8); a missing, unreadable or empty file is a PrivateTemplateNotReadable error.</summary>
        public static ProjectDiscoveryPrivateTemplate FromFile(string path)
        {
            string contents;
            try
            {
                contents = File.ReadAllText(path, new UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new ScanPSError(ErrorIds.PrivateTemplateNotReadable, ex is FileNotFoundException || ex is DirectoryNotFoundException ? ScanPSErrorCategory.ObjectNotFound : ScanPSErrorCategory.InvalidArgument, "Cannot read the private template '" + path + "': " + ex.Message, path)
                { InnerException = ex, RecommendedAction = "Check the path given to -PrivateTemplatePath." }.ToException();
            }

            if (contents.Trim().Length == 0)
            {
                throw new ScanPSError(ErrorIds.PrivateTemplateNotReadable, ScanPSErrorCategory.InvalidData, "The private template '" + path + "' is empty.", path)
                { RecommendedAction = "Pass nuclei template files (YAML) to -PrivateTemplatePath." }.ToException();
            }

            return new ProjectDiscoveryPrivateTemplate(Path.GetFileName(path), contents);
        }
    }
}
