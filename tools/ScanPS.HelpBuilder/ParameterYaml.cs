using System;
using System.Collections.Generic;
using System.Linq;

namespace ScanPS.HelpBuilder
{
    /// <summary>
    /// The PlatyPS parameter block: <c>Key: value</c> lines (Type, Parameter Sets, Aliases, Accepted values,
    /// Required, Position, Default value, Accept pipeline input, Accept wildcard characters). A full YAML
    /// parser is not needed: PlatyPS writes exactly this flat form.
    /// </summary>
    public static class ParameterYaml
    {
        private static readonly string[] Keys =
        {
            "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
            "Accept pipeline input", "Accept wildcard characters",
        };

        private static readonly string[] Mandatory =
        {
            "Type", "Parameter Sets", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters",
        };

        /// <summary>Parses one <c>```yaml</c> block of <paramref name="file"/>.</summary>
        public static ParameterMetadata Parse(string file, CodeBlock block)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var lines = block.Text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0) continue;
                int colon = line.IndexOf(':');
                string key = colon > 0 ? line.Substring(0, colon).Trim() : line;
                if (colon <= 0 || !Keys.Contains(key))
                {
                    throw new HelpFormatException(file, block.Line + 1 + i, "unknown parameter metadata '" + line + "'; expected one of " + string.Join(", ", Keys) + ".");
                }

                if (values.ContainsKey(key)) throw new HelpFormatException(file, block.Line + 1 + i, "'" + key + "' appears twice.");
                values[key] = line.Substring(colon + 1).Trim();
            }

            foreach (var key in Mandatory.Where(k => !values.ContainsKey(k) || (values[k].Length == 0 && k != "Default value")))
            {
                throw new HelpFormatException(file, block.Line, "the parameter metadata has no '" + key + ": <value>'.");
            }

            string position = values["Position"];
            if (!string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) && !int.TryParse(position, out _))
            {
                throw new HelpFormatException(file, block.Line, "Position is a number or Named, not '" + position + "'.");
            }

            return new ParameterMetadata(
                values["Type"],
                List(values["Parameter Sets"]),
                List(values.TryGetValue("Aliases", out var aliases) ? aliases : string.Empty),
                List(values.TryGetValue("Accepted values", out var accepted) ? accepted : string.Empty),
                Boolean(file, block, "Required", values["Required"]),
                position,
                values["Default value"],
                values["Accept pipeline input"],
                Boolean(file, block, "Accept wildcard characters", values["Accept wildcard characters"]));
        }

        private static IReadOnlyList<string> List(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();

        private static bool Boolean(string file, CodeBlock block, string key, string value) =>
            string.Equals(value, "True", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(value, "False", StringComparison.OrdinalIgnoreCase) ? false
            : throw new HelpFormatException(file, block.Line, key + " is True or False, not '" + value + "'.");
    }
}
