using System;
using System.Collections.Generic;
using System.Linq;

namespace ScanPS.Benchmarks.Harness
{
    internal static class Statistics
    {
        public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

        /// <summary>Linear interpolation between the closest ranks.</summary>
        public static double Percentile(IEnumerable<double> values, double p)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0) return double.NaN;
            double rank = p * (sorted.Length - 1);
            int low = (int)Math.Floor(rank);
            int high = (int)Math.Ceiling(rank);
            return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
        }
    }
}
