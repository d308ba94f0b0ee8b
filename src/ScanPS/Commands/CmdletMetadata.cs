using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>
    /// Reads a cmdlet's [Parameter] declarations through CustomAttributeData (metadata only), which works both
    /// inside PowerShell and in tests, where the PowerShellStandard.Library attributes are empty stubs.
    /// </summary>
    internal static class CmdletMetadata
    {
        private const string ParameterAttributeName = "System.Management.Automation.ParameterAttribute";
        private static readonly ConcurrentDictionary<Type, ProviderParameterRules> Cache = new ConcurrentDictionary<Type, ProviderParameterRules>();

        public static ProviderParameterRules RulesFor(Type cmdletType, string commandName) =>
            Cache.GetOrAdd(cmdletType, t => new ProviderParameterRules(commandName, Declarations(t)));

        public static IEnumerable<ParameterDeclaration> Declarations(Type cmdletType)
        {
            foreach (var property in cmdletType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                foreach (var attribute in property.GetCustomAttributesData().Where(a => a.AttributeType.FullName == ParameterAttributeName))
                {
                    string setName = ParameterDeclaration.AllSets;
                    bool mandatory = false;
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.MemberName == "ParameterSetName") setName = (string?)named.TypedValue.Value ?? setName;
                        if (named.MemberName == "Mandatory") mandatory = (bool)named.TypedValue.Value!;
                    }

                    yield return new ParameterDeclaration(property.Name, setName, mandatory);
                }
            }
        }
    }
}
