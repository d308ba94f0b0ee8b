using System;
using System.Management.Automation;
using ScanPS.Connections;
using ScanPS.Errors;

namespace ScanPS.Commands
{
    /// <summary>Lets -Connection take a connection object or the name of one in the current session.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case ScanProviderConnection connection:
                    return connection;
                case string name:
                    try
                    {
                        return ConnectionStores.Current.Get(name.Trim());
                    }
                    catch (Errors.ScanPSException ex)
                    {
                        throw new ArgumentTransformationMetadataException(ex.Message, ex);
                    }

                default:
                    throw new ArgumentTransformationMetadataException(
                        "-Connection takes a connection from Connect-ScanProvider or Get-ScanProviderConnection, or a connection name; not " +
                        (value == null ? "null" : value.GetType().FullName) + ".");
            }
        }
    }
}
