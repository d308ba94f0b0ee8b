using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ScanPS.Benchmarks.Server;
using ScanPS.Errors;
using ScanPS.FakeVendors;
using ScanPS.Models;
using ScanPS.Operations;
using ScanPS.Providers.HostedScan;
using ScanPS.Providers;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>
    /// HostedScanScanConverter reads vendor JSON straight into the output objects. It must read exactly what a
    /// plain System.Text.Json model would: every documented field, nulls, missing and unknown fields, and refuse
    /// wrong JSON types.
    /// </summary>
    public sealed class HostedScanScanConverterTests
    {
        private static HostedScanScan ReadOne(string json) =>
            JsonSerializer.Deserialize("{\"data\":" + json + "}", HostedScanJsonContext.Default.HostedScanScanEnvelope)!.Data!;

        [Theory]
        [InlineData("SUCCEEDED", ScanState.Completed)]
        [InlineData("succeeded", ScanState.Completed)]
        [InlineData("Running", ScanState.Running)]
        [InlineData("QUEUED", ScanState.Queued)]
        [InlineData("FAILED", ScanState.Failed)]
        [InlineData("over_limit", ScanState.Failed)]
        [InlineData("PAUSED", ScanState.Unknown)]
        [InlineData("", ScanState.Unknown)]
        [InlineData(null, ScanState.Unknown)]
        public void Vendor_states_normalise_in_any_case(string? vendorState, ScanState expected)
        {
            Assert.Equal(expected, HostedScanVocabulary.Normalise(vendorState));
            var scan = ReadOne("{\"id\":\"a\",\"state\":" + JsonSerializer.Serialize(vendorState) + "}");
            Assert.Equal((expected, vendorState), (scan.State, scan.VendorState));
        }

        [Fact]
        public void Every_documented_field_lands_in_the_output_scan()
        {
            var scan = ReadOne(@"{
                ""id"": ""61918df1ed4b650040af5b0a"", ""type"": ""OPENVAS"", ""state"": ""succeeded"", ""progress"": 99.6,
                ""risks"": { ""new_open"": [ { ""risk_id"": ""r1"" }, { ""risk_id"": null } ], ""closed"": [ { ""risk_id"": ""r9"" } ] },
                ""results"": [ { ""result_id"": ""f1"", ""content_type"": ""application/xml"" } ],
                ""requested_targets"": [ { ""target_id"": ""t1"", ""target"": ""example.com"" }, { ""target_id"": ""t2"" }, { } ],
                ""resolved_targets"": [ { ""target_id"": ""t1"", ""resolved_target"": ""93.184.216.34"" } ],
                ""skipped_targets"": [ { ""target_id"": ""t2"", ""skipped_reason"": ""private IP"" } ]
            }");

            Assert.Equal(("HostedScan", "61918df1ed4b650040af5b0a", "OPENVAS"), (scan.Provider, scan.Id, scan.Type));
            Assert.Equal((ScanState.Completed, "succeeded", (int?)100), (scan.State, scan.VendorState, scan.Progress));
            Assert.Equal(new[] { "example.com", "t2", "" }, scan.Targets);
            Assert.Equal(new[] { ("t1", "example.com"), ("t2", (string?)null), ((string?)null, (string?)null) },
                scan.RequestedTargets.Select(t => (t.TargetId, t.Target)).ToArray());
            Assert.Equal(("t1", "93.184.216.34"), (Assert.Single(scan.ResolvedTargets).TargetId, scan.ResolvedTargets[0].ResolvedTarget));
            Assert.Equal(("t2", "private IP"), (Assert.Single(scan.SkippedTargets).TargetId, scan.SkippedTargets[0].SkippedReason));
            Assert.Equal(("f1", "application/xml"), (Assert.Single(scan.Results).ResultId, scan.Results[0].ContentType));
            Assert.Equal(new[] { "r1", "" }, scan.NewOpenRiskIds);
            Assert.Empty(scan.StillOpenRiskIds);
            Assert.Equal(new[] { "r9" }, scan.ClosedRiskIds);
        }

        [Theory]
        [InlineData("{\"id\":\"a\"}")]
        [InlineData("{\"id\":\"a\",\"type\":null,\"state\":null,\"progress\":null,\"risks\":null,\"results\":null,\"requested_targets\":null,\"resolved_targets\":null,\"skipped_targets\":null}")]
        [InlineData("{\"id\":\"a\",\"risks\":{},\"results\":[],\"requested_targets\":[],\"resolved_targets\":[],\"skipped_targets\":[]}")]
        [InlineData("{\"id\":\"a\",\"risks\":{\"new_open\":null,\"still_open\":[],\"closed\":null}}")]
        public void Missing_null_and_empty_lists_become_empty_arrays_and_a_missing_progress_stays_null(string json)
        {
            var scan = ReadOne(json);

            Assert.Equal("a", scan.Id);
            Assert.Null(scan.Type);
            Assert.Null(scan.VendorState);
            Assert.Null(scan.Progress);
            Assert.Equal(ScanState.Unknown, scan.State);
            Assert.Empty(scan.Targets);
            Assert.Empty(scan.RequestedTargets);
            Assert.Empty(scan.ResolvedTargets);
            Assert.Empty(scan.SkippedTargets);
            Assert.Empty(scan.Results);
            Assert.Empty(scan.NewOpenRiskIds);
            Assert.Empty(scan.StillOpenRiskIds);
            Assert.Empty(scan.ClosedRiskIds);
        }

        [Fact]
        public void Unknown_fields_at_every_level_are_skipped_whatever_their_shape()
        {
            var scan = ReadOne(@"{
                ""created_at"": ""2024-01-01T00:00:00Z"", ""nested"": { ""id"": ""not-this"", ""deep"": [ [ 1, { ""x"": [] } ] ] },
                ""id"": ""abc"", ""flags"": [ true, false, null ], ""count"": 12,
                ""risks"": { ""severity"": { ""high"": 1 }, ""new_open"": [ { ""risk_id"": ""r1"", ""risk"": { ""id"": ""x"" } } ] },
                ""results"": [ { ""extra"": [ 1, 2 ], ""result_id"": ""f1"" } ],
                ""requested_targets"": [ { ""target"": ""example.com"", ""labels"": { ""a"": ""b"" } } ]
            }");

            Assert.Equal("abc", scan.Id);
            Assert.Equal(new[] { "r1" }, scan.NewOpenRiskIds);
            Assert.Equal("f1", Assert.Single(scan.Results).ResultId);
            Assert.Equal(new[] { "example.com" }, scan.Targets);
        }

        [Fact]
        public void Escaped_names_and_values_are_read_like_any_other_json()
        {
            var scan = ReadOne("{\"\\u0069d\":\"a\\u00e9\\\"b\",\"typ\\u0065\":\"NM\\u0041P\",\"requested_targets\":[{\"target\":\"caf\\u00e9.example\"}]}");

            Assert.Equal("aé\"b", scan.Id);
            Assert.Equal("NMAP", scan.Type);
            Assert.Equal(new[] { "café.example" }, scan.Targets);
        }

        [Fact]
        public void Vocabulary_values_reuse_one_string_and_other_values_are_kept_as_sent()
        {
            var first = ReadOne("{\"id\":\"a\",\"type\":\"NMAP\",\"state\":\"RUNNING\",\"results\":[{\"content_type\":\"application/pdf\"}]}");
            var second = ReadOne("{\"id\":\"b\",\"type\":\"NMAP\",\"state\":\"RUNNING\",\"results\":[{\"content_type\":\"application/pdf\"}]}");
            var other = ReadOne("{\"id\":\"c\",\"type\":\"NUCLEI_NEXT\",\"state\":\"Running\",\"results\":[{\"content_type\":\"image/png\"}]}");

            Assert.Same(first.Type, second.Type);
            Assert.Same(first.VendorState, second.VendorState);
            Assert.Same(first.Results[0].ContentType, second.Results[0].ContentType);
            Assert.Equal(("NUCLEI_NEXT", "Running", ScanState.Running, "image/png"), (other.Type, other.VendorState, other.State, other.Results[0].ContentType));
        }

        [Fact]
        public void Long_lists_grow_past_the_scratch_buffer_and_keep_their_order()
        {
            var ids = Enumerable.Range(0, 70).Select(i => "r" + i).ToArray();
            string risks = string.Join(",", ids.Select(id => "{\"risk_id\":\"" + id + "\"}"));
            string targets = string.Join(",", ids.Select(id => "{\"target\":\"" + id + ".example\"}"));

            var scan = ReadOne("{\"id\":\"a\",\"risks\":{\"still_open\":[" + risks + "],\"closed\":[{\"risk_id\":\"z\"}]},\"requested_targets\":[" + targets + "]}");
            var next = ReadOne("{\"id\":\"b\",\"risks\":{\"new_open\":[{\"risk_id\":\"only\"}]}}");

            Assert.Equal(ids, scan.StillOpenRiskIds);
            Assert.Equal(new[] { "z" }, scan.ClosedRiskIds);
            Assert.Equal(ids.Select(id => id + ".example"), scan.Targets);
            Assert.Equal(new[] { "only" }, next.NewOpenRiskIds);
        }

        [Theory]
        [InlineData("{\"id\":5}", "\"id\" to be a string")]
        [InlineData("{\"id\":\"a\",\"progress\":\"50\"}", "\"progress\" to be a number")]
        [InlineData("{\"id\":\"a\",\"results\":{}}", "\"results\" to be an array")]
        [InlineData("{\"id\":\"a\",\"requested_targets\":[\"example.com\"]}", "a requested target object")]
        [InlineData("{\"id\":\"a\",\"risks\":[]}", "\"risks\" to be an object")]
        [InlineData("{\"id\":\"a\",\"risks\":{\"closed\":[\"r1\"]}}", "a risk object")]
        [InlineData("[]", "a scan object")]
        [InlineData("\"a\"", "a scan object")]
        public void A_value_of_the_wrong_json_type_is_a_JsonException_that_says_what_was_expected(string json, string expected)
        {
            var ex = Assert.Throws<JsonException>(() => ReadOne(json));
            Assert.Contains("Expected " + expected, ex.Message);
        }

        [Fact]
        public void A_whole_benchmark_page_reads_the_same_as_a_generic_json_reading_of_it()
        {
            // The benchmark's pages vary every field by scan (states, empty and missing lists, skipped targets).
            byte[] page = ListingPages.RenderPage(first: 0, count: 60, nextPageToken: ListingPages.PageToken(1));

            var envelope = JsonSerializer.Deserialize(page, HostedScanJsonContext.Default.HostedScanListEnvelope)!;
            using var document = JsonDocument.Parse(page);

            Assert.Equal(ListingPages.PageToken(1), envelope.NextPageToken);
            var expected = document.RootElement.GetProperty("data").EnumerateArray().ToList();
            Assert.Equal(expected.Count, envelope.Data!.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                var json = expected[i];
                var scan = envelope.Data[i]!;
                Assert.Equal(json.GetProperty("id").GetString(), scan.Id);
                Assert.Equal(json.GetProperty("type").GetString(), scan.Type);
                Assert.Equal(json.GetProperty("state").GetString(), scan.VendorState);
                Assert.Equal((int)Math.Round(json.GetProperty("progress").GetDouble()), scan.Progress);
                var risks = json.GetProperty("risks");
                Assert.Equal(Strings(risks.GetProperty("new_open"), "risk_id"), scan.NewOpenRiskIds);
                Assert.Equal(Strings(risks.GetProperty("still_open"), "risk_id"), scan.StillOpenRiskIds);
                Assert.Equal(Strings(risks.GetProperty("closed"), "risk_id"), scan.ClosedRiskIds);
                Assert.Equal(Pairs(json.GetProperty("results"), "result_id", "content_type"), scan.Results.Select(r => (r.ResultId, r.ContentType)));
                Assert.Equal(Pairs(json.GetProperty("requested_targets"), "target_id", "target"), scan.RequestedTargets.Select(t => (t.TargetId, t.Target)));
                Assert.Equal(Strings(json.GetProperty("requested_targets"), "target"), scan.Targets);
                Assert.Equal(Pairs(json.GetProperty("resolved_targets"), "target_id", "resolved_target"), scan.ResolvedTargets.Select(t => (t.TargetId, t.ResolvedTarget)));
                Assert.Equal(Pairs(json.GetProperty("skipped_targets"), "target_id", "skipped_reason"), scan.SkippedTargets.Select(t => (t.TargetId, t.SkippedReason)));
            }

            // The page has every shape the converter must handle, or this comparison proves little.
            Assert.Contains(envelope.Data, s => s!.SkippedTargets.Length > 0);
            Assert.Contains(envelope.Data, s => s!.SkippedTargets.Length == 0);
            Assert.Contains(envelope.Data, s => s!.Results.Length == 0);
            Assert.Contains(envelope.Data, s => s!.NewOpenRiskIds.Length == 2);
            Assert.Equal(5, envelope.Data.Select(s => s!.VendorState).Distinct().Count());
        }

        [Fact]
        public async System.Threading.Tasks.Task Unknown_fields_are_skipped_when_the_page_arrives_in_chunks_over_a_stream()
        {
            // Over a network stream the serializer gives the converter a non-final buffer; Utf8JsonReader.Skip throws
            // there (TrySkip does not). A page well over the 16 KB buffer, with unknown fields at every level.
            var json = new System.Text.StringBuilder("{\"data\":[");
            for (int i = 0; i < 300; i++)
            {
                if (i > 0) json.Append(',');
                json.Append("{\"created_at\":\"2026-11-0" + (i % 9 + 1) + "T10:00:00Z\",\"id\":\"s" + i + "\",\"extra\":{\"a\":[1,{\"b\":null}]},")
                    .Append("\"risks\":{\"severity\":{\"high\":2},\"closed\":[{\"risk_id\":\"r" + i + "\",\"seen\":[true]}]},")
                    .Append("\"results\":[{\"size\":12345,\"result_id\":\"f" + i + "\"}],\"state\":\"SUCCEEDED\",\"tags\":[\"x\",\"y\"]}");
            }

            json.Append("],\"next_page_token\":\"t2\",\"meta\":{\"count\":300}}");
            using var stream = new ChunkedStream(System.Text.Encoding.UTF8.GetBytes(json.ToString()), chunk: 1000);

            var page = await JsonSerializer.DeserializeAsync(stream, HostedScanJsonContext.Default.HostedScanListEnvelope);

            Assert.Equal(300, page!.Data!.Count);
            Assert.Equal("t2", page.NextPageToken);
            Assert.Equal(("s299", "r299", "f299", ScanState.Completed), (page.Data[299]!.Id, page.Data[299]!.ClosedRiskIds.Single(), page.Data[299]!.Results.Single().ResultId, page.Data[299]!.State));
        }

        /// <summary>A stream that returns at most <c>chunk</c> bytes per read, as a socket does.</summary>
        private sealed class ChunkedStream : System.IO.MemoryStream
        {
            private readonly int _chunk;

            public ChunkedStream(byte[] bytes, int chunk) : base(bytes, writable: false) { _chunk = chunk; }

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _chunk));

            public override int Read(Span<byte> buffer) => base.Read(buffer.Slice(0, Math.Min(buffer.Length, _chunk)));

            public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
                base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, _chunk)), cancellationToken);

            public override System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
                base.ReadAsync(buffer, offset, Math.Min(count, _chunk), cancellationToken);
        }

        private static IEnumerable<string> Strings(JsonElement array, string name) =>
            array.EnumerateArray().Select(e => e.GetProperty(name).GetString()!).ToList();

        private static IEnumerable<(string?, string?)> Pairs(JsonElement array, string first, string second) =>
            array.EnumerateArray().Select(e => (e.GetProperty(first).GetString(), e.GetProperty(second).GetString())).ToList();
    }

    /// <summary>What the listing does with scan entries it cannot use.</summary>
    public sealed class HostedScanListingShapeTests : HostedScanServerTest
    {
        [Theory]
        [InlineData("{\"data\":[{\"id\":\"a\"},null]}", "null entry")]
        [InlineData("{\"data\":[{\"id\":\"a\",\"progress\":\"half\"}]}", "\"progress\" to be a number")]
        [InlineData("{\"next_page_token\":\"x\"}", "no \"data\" array")]
        [InlineData("{}", "no \"data\" array")]
        [InlineData("{\"status\":\"ok\"}", "no \"data\" array")]
        [InlineData("{\"data\":null,\"next_page_token\":\"x\"}", "no \"data\" array")]
        public void An_unusable_listing_is_InvalidVendorResponse_naming_the_problem(string body, string expected)
        {
            Server.Faults.Enqueue(new Fault { Method = "GET", Kind = FaultKind.Status, StatusCode = 200, Body = body });
            var host = new RecordingHost();

            var ex = Assert.Throws<ScanPSException>(() => ScanOperations.ListScans(host, Open(), new ScanListQuery(), 0, ulong.MaxValue));

            Assert.Equal(("InvalidVendorResponse", ScanPSErrorCategory.InvalidResult), (ex.ErrorId, ex.Error.Category));
            Assert.Contains(expected, ex.Message);
            Assert.Single(ApiRequests);
        }
    }
}
