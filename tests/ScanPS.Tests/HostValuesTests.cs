using System.Collections;
using System.Collections.Generic;
using ScanPS.Errors;
using ScanPS.Operations;
using ScanPS.Providers.ProjectDiscovery;
using Xunit;

namespace ScanPS.Tests
{
    /// <summary>Hashtable values arrive wrapped (PSObject); New-Scan -AssetFilter unwraps them before reading them.</summary>
    public sealed class HostValuesTests
    {
        /// <summary>Stands in for PSObject, whose members are stubs outside a PowerShell engine.</summary>
        private sealed class Wrapped
        {
            public Wrapped(object value) { Value = value; }
            public object Value { get; }
            public override string ToString() => "wrapped " + Value;
        }

        private static object? UnwrapOne(object? value) => value is Wrapped w ? w.Value : value;

        [Fact]
        public void Values_list_items_keys_and_nested_tables_are_unwrapped()
        {
            var date = new System.DateTime(2026, 11, 1);
            var table = new Hashtable
            {
                [new Wrapped("start_date")] = new Wrapped(date),
                ["domain"] = new object[] { new Wrapped("a.example"), "b.example" },
                ["nested"] = new Hashtable { ["x"] = new Wrapped(true) },
                ["none"] = null,
            };

            var copy = HostValues.Unwrap(table, UnwrapOne)!;

            Assert.Equal(date, copy["start_date"]);
            Assert.Equal(new object[] { "a.example", "b.example" }, (object[])copy["domain"]!);
            Assert.Equal(true, ((IDictionary)copy["nested"]!)["x"]);
            Assert.True(copy.Contains("none"));
            Assert.Null(copy["none"]);
            Assert.Null(HostValues.Unwrap(null, UnwrapOne));
        }

        [Fact]
        public void A_wrapped_date_is_accepted_as_an_asset_filter_date_once_unwrapped()
        {
            var table = new Hashtable { ["start_date"] = new Wrapped(new System.DateTime(2026, 11, 1)), ["domain"] = new List<object> { new Wrapped("a.example") } };

            var error = Assert.Throws<ScanPSException>(() => ProjectDiscoveryAssetFilters.ToJson(table));
            var json = ProjectDiscoveryAssetFilters.ToJson(HostValues.Unwrap(table, UnwrapOne));

            Assert.Equal("InvalidAssetFilter", error.ErrorId);
            // A Hashtable has no order: compare the members, not the text.
            Assert.Equal(2, json!.Count);
            Assert.Equal("2026-11-01", (string?)json["start_date"]);
            Assert.Equal("[\"a.example\"]", json["domain"]!.ToJsonString());
        }
    }
}
