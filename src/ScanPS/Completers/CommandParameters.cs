using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ScanPS.Commands;

namespace ScanPS.Completers
{
    /// <summary>What completers read from a ScanPS cmdlet's declaration: its -Provider check and default parameter set.</summary>
    internal static class CommandParameters
    {
        /// <summary>The [ValidateProvider] or [ValidateRegion] of the command's parameter, or null when it has none (or the command is not ScanPS's).</summary>
        public static ValidateKnownValuesAttribute? KnownValues(string commandName, string parameterName) =>
            Cmdlet(commandName)?.GetProperty(parameterName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?.GetCustomAttribute<ValidateKnownValuesAttribute>();

        /// <summary>
        /// The provider a command means when -Provider is not typed: the only one it accepts (Start-ScanFromScan), else
        /// the owner of its default parameter set (Get-Scan lists HostedScan scans by default); null when neither.
        /// </summary>
        public static string? ImpliedProvider(string commandName)
        {
            var accepted = KnownValues(commandName, "Provider")?.ValidValues;
            if (accepted != null && accepted.Count == 1) return accepted[0];
            string? defaultSet = Cmdlet(commandName)?.GetCustomAttribute<CmdletAttribute>()?.DefaultParameterSetName;
            return defaultSet == null ? null : Operations.ProviderParameterRules.OwnerOf(defaultSet);
        }

        /// <summary>The default value of the command's -Provider (Start-ScanFromScan: Invicti), or null when it has none.</summary>
        public static string? ProviderDefault(string commandName)
        {
            var type = Cmdlet(commandName);
            return type != null && type.GetProperty("Provider")?.GetValue(Activator.CreateInstance(type)) is string byDefault && byDefault.Length > 0 ? byDefault : null;
        }

        private static Type? Cmdlet(string commandName) =>
            typeof(CommandParameters).Assembly.GetTypes().FirstOrDefault(t =>
                t.GetCustomAttribute<CmdletAttribute>() is CmdletAttribute c &&
                string.Equals(c.VerbName + "-" + c.NounName, commandName, StringComparison.OrdinalIgnoreCase));
    }
}
