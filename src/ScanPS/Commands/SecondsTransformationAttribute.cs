using System;
using System.Globalization;
using System.Management.Automation;

namespace ScanPS.Commands
{
    /// <summary>
    /// Lets a TimeSpan parameter take a number as seconds (-Timeout 600, -PollInterval 0.5) as well as a TimeSpan
    /// (New-TimeSpan -Hours 2) or its text ("00:10:00"); anything else is left to PowerShell's own conversion.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case int _:
                case long _:
                case short _:
                case byte _:
                case uint _:
                case ulong _:
                case double _:
                case float _:
                case decimal _:
                    return FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds):
                    return FromSeconds(seconds);
                default:
                    return inputData;
            }
        }

        private static TimeSpan FromSeconds(double seconds)
        {
            if (double.IsNaN(seconds) || double.IsInfinity(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                throw new ArgumentTransformationMetadataException("A number of seconds must be finite and less than " + (long)(TimeSpan.MaxValue.TotalSeconds / 2) + ".");
            }

            return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        }
    }
}
