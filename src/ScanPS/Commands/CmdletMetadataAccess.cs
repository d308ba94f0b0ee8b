using System;
using System.Collections.Generic;
using ScanPS.Operations;

namespace ScanPS.Commands
{
    /// <summary>Public door to the [Parameter] reader, for tests and tooling (docs completeness checks).</summary>
    public static class CmdletMetadataAccess
    {
        public static IEnumerable<ParameterDeclaration> Declarations(Type cmdletType) => CmdletMetadata.Declarations(cmdletType);
    }
}
