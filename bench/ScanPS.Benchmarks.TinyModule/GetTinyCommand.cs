using System.Management.Automation;

namespace ScanPS.Benchmarks.TinyModule
{
    /// <summary>Get-Tiny: one cmdlet with one parameter, the whole module.</summary>
    [Cmdlet(VerbsCommon.Get, "Tiny")]
    [OutputType(typeof(string))]
    public sealed class GetTinyCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        public string Name { get; set; } = "tiny";

        protected override void ProcessRecord() => WriteObject(Name);
    }
}
