using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ScanPS.Models;

namespace ScanPS.Providers.Probely
{
    internal static class ProbelyScanMapper
    {
        public static ProbelyScan ToScan(ProbelyWireScan wire)
        {
            return new ProbelyScan(wire.Id ?? string.Empty)
            {
                VendorState = wire.Status,
                State = ProbelyScanVocabulary.Normalise(wire.Status),
                TargetId = wire.Target?.Id,
                TargetName = wire.Target?.Site?.Name ?? wire.Target?.Name,
                TargetUrl = wire.Target?.Site?.Url,
                TargetHost = wire.Target?.Site?.Host,
                TargetType = wire.Target?.Type,
                ScanProfile = ScanProfileId(wire.ScanProfile),
                Created = Time(wire.Created),
                Started = Time(wire.Started),
                Completed = Time(wire.Completed),
                Changed = Time(wire.Changed),
                Runtime = Text(wire.Runtime),
                Lows = wire.Lows,
                Mediums = wire.Mediums,
                Highs = wire.Highs,
                Criticals = wire.Criticals,
                Incremental = wire.Incremental,
                ReducedScope = wire.ReducedScope,
                Unlimited = wire.Unlimited,
                IgnoreBlackoutPeriod = wire.IgnoreBlackoutPeriod,
                CreatedBy = string.IsNullOrEmpty(wire.CreatedBy?.Email) ? wire.CreatedBy?.Name : wire.CreatedBy!.Email,
                Errors = Messages(wire, m => m.Error),
                Warnings = Messages(wire, m => m.Warning),
            };
        }

        /// <summary>ISO 8601 UTC with microseconds and "Z" (e.g. 2024-06-25T10:21:09.552387Z); unreadable gives null.</summary>
        internal static DateTimeOffset? Time(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : (DateTimeOffset?)null;
        }

        internal static string? ScanProfileId(JsonElement? element)
        {
            if (!element.HasValue) return null;
            var value = element.Value;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) return id.GetString();
            return null;
        }

        private static string? Text(JsonElement? element)
        {
            if (!element.HasValue) return null;
            var value = element.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    return value.GetString();
                default:
                    return value.GetRawText();
            }
        }

        private static ValueList<string> Messages(ProbelyWireScan wire, Func<ProbelyWireModule, List<JsonElement>?> pick)
        {
            var messages = new List<string>();
            foreach (var module in new[] { wire.Crawler, wire.Fingerprinter, wire.Scanner })
            {
                var items = module == null ? null : pick(module);
                if (items == null) continue;
                foreach (var item in items)
                {
                    string? text = Text(item);
                    if (!string.IsNullOrWhiteSpace(text)) messages.Add(text!);
                }
            }

            return messages.ToArray();
        }
    }
}
