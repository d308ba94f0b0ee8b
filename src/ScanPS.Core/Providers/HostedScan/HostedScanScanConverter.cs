using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScanPS.Models;

namespace ScanPS.Providers.HostedScan
{
    /// <summary>
    /// Reads one HostedScan scan object (the documented GET /v1/scans item, snake_case) straight into the
    /// <see cref="HostedScanScan"/> that Get-Scan writes. A listing runs this 100,000 times for a large account,
    /// so there is no intermediate wire object to copy from: each list is read into a per-thread scratch buffer
    /// and copied once into an array of its exact size, and values from the vendor's small vocabularies (type,
    /// state, content type) reuse one string each. bench/ScanPS.Benchmarks measures it against a plain
    /// System.Text.Json client.
    /// Follows System.Text.Json's defaults: property names are case-sensitive, unknown properties are skipped,
    /// the last of a repeated property wins, and a value of the wrong JSON type is a JsonException.
    /// </summary>
    internal sealed class HostedScanScanConverter : JsonConverter<HostedScanScan>
    {
        private delegate T ElementReader<T>(ref Utf8JsonReader reader);

        private static readonly byte[] IdName = Utf8("id");
        private static readonly byte[] TypeName = Utf8("type");
        private static readonly byte[] StateName = Utf8("state");
        private static readonly byte[] ProgressName = Utf8("progress");
        private static readonly byte[] RisksName = Utf8("risks");
        private static readonly byte[] ResultsName = Utf8("results");
        private static readonly byte[] RequestedTargetsName = Utf8("requested_targets");
        private static readonly byte[] ResolvedTargetsName = Utf8("resolved_targets");
        private static readonly byte[] SkippedTargetsName = Utf8("skipped_targets");
        private static readonly byte[] NewOpenName = Utf8("new_open");
        private static readonly byte[] StillOpenName = Utf8("still_open");
        private static readonly byte[] ClosedName = Utf8("closed");
        private static readonly byte[] RiskIdName = Utf8("risk_id");
        private static readonly byte[] ResultIdName = Utf8("result_id");
        private static readonly byte[] ContentTypeName = Utf8("content_type");
        private static readonly byte[] TargetIdName = Utf8("target_id");
        private static readonly byte[] TargetName = Utf8("target");
        private static readonly byte[] ResolvedTargetName = Utf8("resolved_target");
        private static readonly byte[] SkippedReasonName = Utf8("skipped_reason");

        private static readonly Vocabulary Types = new Vocabulary(HostedScanVocabulary.ListTypes);
        private static readonly Vocabulary States = new Vocabulary(HostedScanVocabulary.VendorStates);
        private static readonly Vocabulary ContentTypes = new Vocabulary(new[] { "text/html", "application/pdf", "application/xml", "application/json", "text/csv", "text/plain" });

        private static readonly ElementReader<string> RiskIdReader = ReadRiskId;
        private static readonly ElementReader<HostedScanResult> ResultReader = ReadResult;
        private static readonly ElementReader<HostedScanRequestedTarget> RequestedTargetReader = ReadRequestedTarget;
        private static readonly ElementReader<HostedScanResolvedTarget> ResolvedTargetReader = ReadResolvedTarget;
        private static readonly ElementReader<HostedScanSkippedTarget> SkippedTargetReader = ReadSkippedTarget;

        /// <summary>A JSON null scan stays null (the listing reports it); everything else comes to <see cref="Read"/>.</summary>
        public override bool HandleNull => false;

        public override HostedScanScan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Expect(ref reader, JsonTokenType.StartObject, "a scan object");
            string? id = null, type = null, state = null;
            double? progress = null;
            var risks = default(Risks);
            var results = Array.Empty<HostedScanResult>();
            var requested = Array.Empty<HostedScanRequestedTarget>();
            var resolved = Array.Empty<HostedScanResolvedTarget>();
            var skipped = Array.Empty<HostedScanSkippedTarget>();

            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals(IdName)) id = ReadString(ref reader, "id");
                else if (reader.ValueTextEquals(TypeName)) type = ReadString(ref reader, "type", Types);
                else if (reader.ValueTextEquals(StateName)) state = ReadString(ref reader, "state", States);
                else if (reader.ValueTextEquals(ProgressName)) progress = ReadNumber(ref reader, "progress");
                else if (reader.ValueTextEquals(RisksName)) risks = ReadRisks(ref reader);
                else if (reader.ValueTextEquals(ResultsName)) results = ReadArray(ref reader, "results", ResultReader);
                else if (reader.ValueTextEquals(RequestedTargetsName)) requested = ReadArray(ref reader, "requested_targets", RequestedTargetReader);
                else if (reader.ValueTextEquals(ResolvedTargetsName)) resolved = ReadArray(ref reader, "resolved_targets", ResolvedTargetReader);
                else if (reader.ValueTextEquals(SkippedTargetsName)) skipped = ReadArray(ref reader, "skipped_targets", SkippedTargetReader);
                else SkipValue(ref reader);
            }

            return new HostedScanScan(id ?? string.Empty)
            {
                Type = type,
                VendorState = state,
                State = HostedScanVocabulary.Normalise(state),
                Progress = progress.HasValue ? (int?)Math.Round(progress.Value) : null,
                RequestedTargets = requested,
                Targets = TargetNames(requested),
                ResolvedTargets = resolved,
                SkippedTargets = skipped,
                Results = results,
                NewOpenRiskIds = risks.NewOpen ?? Array.Empty<string>(),
                StillOpenRiskIds = risks.StillOpen ?? Array.Empty<string>(),
                ClosedRiskIds = risks.Closed ?? Array.Empty<string>(),
            };
        }

        public override void Write(Utf8JsonWriter writer, HostedScanScan value, JsonSerializerOptions options) =>
            throw new NotSupportedException("ScanPS reads HostedScan scans; it never sends one.");

        /// <summary>The requested targets' names for Targets: the target, else its id.</summary>
        private static string[] TargetNames(HostedScanRequestedTarget[] requested)
        {
            if (requested.Length == 0) return Array.Empty<string>();
            var names = new string[requested.Length];
            for (int i = 0; i < names.Length; i++) names[i] = requested[i].Target ?? requested[i].TargetId ?? string.Empty;
            return names;
        }

        private static Risks ReadRisks(ref Utf8JsonReader reader)
        {
            var risks = default(Risks);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) return risks;
            Expect(ref reader, JsonTokenType.StartObject, "\"risks\" to be an object");
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals(NewOpenName)) risks.NewOpen = ReadArray(ref reader, "risks.new_open", RiskIdReader);
                else if (reader.ValueTextEquals(StillOpenName)) risks.StillOpen = ReadArray(ref reader, "risks.still_open", RiskIdReader);
                else if (reader.ValueTextEquals(ClosedName)) risks.Closed = ReadArray(ref reader, "risks.closed", RiskIdReader);
                else SkipValue(ref reader);
            }

            return risks;
        }

        /// <summary>Reads the array value of the current property; null or [] is an empty array (never null).</summary>
        private static T[] ReadArray<T>(ref Utf8JsonReader reader, string what, ElementReader<T> element)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) return Array.Empty<T>();
            if (reader.TokenType != JsonTokenType.StartArray) throw WrongType(ref reader, "\"" + what + "\" to be an array");
            var buffer = Scratch<T>.Buffer ??= new T[16];
            int count = 0;
            try
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (count == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                        Scratch<T>.Buffer = buffer;
                    }

                    buffer[count++] = element(ref reader);
                }

                if (count == 0) return Array.Empty<T>();
                var result = new T[count];
                Array.Copy(buffer, result, count);
                return result;
            }
            finally
            {
                Array.Clear(buffer, 0, count); // the scratch buffer must not keep a page's objects alive
            }
        }

        /// <summary>{"risk_id": "..."}: the id ("" when absent, as before).</summary>
        private static string ReadRiskId(ref Utf8JsonReader reader)
        {
            ReadPair(ref reader, "a risk object", RiskIdName, "risk_id", null, null, out string? riskId, out _);
            return riskId ?? string.Empty;
        }

        private static HostedScanResult ReadResult(ref Utf8JsonReader reader)
        {
            ReadPair(ref reader, "a result object", ResultIdName, "result_id", ContentTypeName, "content_type", out string? id, out string? contentType, ContentTypes);
            return new HostedScanResult { ResultId = id, ContentType = contentType };
        }

        private static HostedScanRequestedTarget ReadRequestedTarget(ref Utf8JsonReader reader)
        {
            ReadPair(ref reader, "a requested target object", TargetIdName, "target_id", TargetName, "target", out string? id, out string? target);
            return new HostedScanRequestedTarget { TargetId = id, Target = target };
        }

        private static HostedScanResolvedTarget ReadResolvedTarget(ref Utf8JsonReader reader)
        {
            ReadPair(ref reader, "a resolved target object", TargetIdName, "target_id", ResolvedTargetName, "resolved_target", out string? id, out string? resolved);
            return new HostedScanResolvedTarget { TargetId = id, ResolvedTarget = resolved };
        }

        private static HostedScanSkippedTarget ReadSkippedTarget(ref Utf8JsonReader reader)
        {
            ReadPair(ref reader, "a skipped target object", TargetIdName, "target_id", SkippedReasonName, "skipped_reason", out string? id, out string? reason);
            return new HostedScanSkippedTarget { TargetId = id, SkippedReason = reason };
        }

        /// <summary>
        /// The small objects inside a scan: one or two string properties (the second may be absent, null to
        /// leave it out), anything else skipped.
        /// </summary>
        private static void ReadPair(ref Utf8JsonReader reader, string what, byte[] firstName, string first, byte[]? secondName, string? second,
            out string? firstValue, out string? secondValue, Vocabulary? secondVocabulary = null)
        {
            Expect(ref reader, JsonTokenType.StartObject, what);
            firstValue = secondValue = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals(firstName)) firstValue = ReadString(ref reader, first);
                else if (secondName != null && reader.ValueTextEquals(secondName)) secondValue = ReadString(ref reader, second!, secondVocabulary);
                else SkipValue(ref reader);
            }
        }

        /// <summary>Moves to the next property name of the current object; false at its end.</summary>
        private static bool NextProperty(ref Utf8JsonReader reader)
        {
            if (!reader.Read()) throw new JsonException("The scan object ends early.");
            return reader.TokenType == JsonTokenType.PropertyName;
        }

        /// <summary>
        /// Skips an unknown field's value. TrySkip, not Skip: over a network stream the serializer hands a custom
        /// converter a reader on a non-final block (the scan itself is buffered whole), and Skip throws there.
        /// </summary>
        private static void SkipValue(ref Utf8JsonReader reader)
        {
            reader.Read();
            if (!reader.TrySkip()) throw new JsonException("A HostedScan scan ends inside an unknown field's value.");
        }

        private static string? ReadString(ref Utf8JsonReader reader, string what, Vocabulary? known = null)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) throw WrongType(ref reader, "\"" + what + "\" to be a string");
            return known?.Find(ref reader) ?? reader.GetString();
        }

        private static double? ReadNumber(ref Utf8JsonReader reader, string what)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.Number) throw WrongType(ref reader, "\"" + what + "\" to be a number");
            return reader.GetDouble();
        }

        private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
        {
            if (reader.TokenType != token) throw WrongType(ref reader, what);
        }

        private static JsonException WrongType(ref Utf8JsonReader reader, string expected) =>
            new JsonException("Expected " + expected + " in a HostedScan scan, found " + reader.TokenType + ".");

        private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

        private struct Risks
        {
            public string[]? NewOpen;
            public string[]? StillOpen;
            public string[]? Closed;
        }

        /// <summary>One reusable buffer per element type and thread; a converter call never nests two lists of one type.</summary>
        private static class Scratch<T>
        {
            [ThreadStatic]
            public static T[]? Buffer;
        }

        /// <summary>A vendor vocabulary: a value equal to one of its words (exactly, as sent) reuses that word's string.</summary>
        private sealed class Vocabulary
        {
            private readonly string[] _words;
            private readonly byte[][] _utf8;

            public Vocabulary(System.Collections.Generic.IReadOnlyList<string> words)
            {
                _words = new string[words.Count];
                _utf8 = new byte[words.Count][];
                for (int i = 0; i < _words.Length; i++)
                {
                    _words[i] = words[i];
                    _utf8[i] = Utf8(words[i]);
                }
            }

            public string? Find(ref Utf8JsonReader reader)
            {
                for (int i = 0; i < _utf8.Length; i++)
                {
                    if (reader.ValueTextEquals(_utf8[i])) return _words[i];
                }

                return null;
            }
        }
    }
}
