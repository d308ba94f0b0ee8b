using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScanPS.Tests
{
    /// <summary>
    /// The vendor's own OpenAPI 3.1 document, read from tests/ScanPS.Tests/Specs/projectdiscovery-openapi.yaml: a
    /// byte-identical copy of /work/shared/vendor-specs/projectdiscovery/openapi.yaml (projectdiscovery/docs @02ce056d,
    /// sha256 below, checked by a test). Schemas are validated with NJsonSchema; "#/components/schemas/X" references
    /// are pointed at "#/definitions/X", where the component schemas are placed, so nested references resolve.
    /// </summary>
    public static class PdcpOpenApi
    {
        public const string Sha256 = "220f0adf9efddd1861147ff6b1e855cec5480bfc02fd0c0a2f4368f927d7c58e";

        public static string FilePath { get; } = Path.Combine(RepoRoot.Path, "tests", "ScanPS.Tests", "Specs", "projectdiscovery-openapi.yaml");

        private static readonly Lazy<JObject> Document = new Lazy<JObject>(Load);
        private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new ConcurrentDictionary<string, JsonSchema>();

        public static JObject Root => Document.Value;

        public static string FileSha256()
        {
            using var sha = SHA256.Create();
            return Convert.ToHexString(sha.ComputeHash(File.ReadAllBytes(FilePath))).ToLowerInvariant();
        }

        /// <summary>The application/json schema of components/requestBodies/<paramref name="name"/>.</summary>
        public static JsonSchema RequestBody(string name) => Schema("components.requestBodies." + name + ".content['application/json'].schema");

        /// <summary>The application/json schema of components/responses/<paramref name="name"/>.</summary>
        public static JsonSchema Response(string name) => Schema("components.responses." + name + ".content['application/json'].schema");

        /// <summary>The schema an operation's response refers to, e.g. ("/v1/scans", "get", "200").</summary>
        public static JsonSchema OperationResponse(string path, string method, string status)
        {
            var reference = (string?)Root["paths"]![path]![method]!["responses"]![status]!["$ref"]
                ?? throw new InvalidOperationException(method + " " + path + " " + status + " has no $ref");
            return Response(reference.Substring("#/components/responses/".Length));
        }

        private static JsonSchema Schema(string jsonPath) => Schemas.GetOrAdd(jsonPath, path =>
        {
            var schema = (JObject)(Root.SelectToken(path) ?? throw new InvalidOperationException(path + " is not in the vendor document")).DeepClone();
            schema["definitions"] = Root["components"]!["schemas"]!.DeepClone();
            foreach (var reference in schema.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref").ToList())
            {
                reference.Value = ((string)reference.Value!).Replace("#/components/schemas/", "#/definitions/");
            }

            return JsonSchema.FromJsonAsync(schema.ToString()).GetAwaiter().GetResult();
        });

        private static JObject Load()
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(FilePath))
            {
                yaml.Load(reader);
            }

            return (JObject)ToJson(yaml.Documents[0].RootNode);
        }

        /// <summary>YAML 1.2 core schema: plain scalars true/false/null/numbers are typed, quoted ones stay strings.</summary>
        private static JToken ToJson(YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    return new JObject(map.Children.Select(pair => new JProperty(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value))));
                case YamlSequenceNode sequence:
                    return new JArray(sequence.Children.Select(ToJson));
                case YamlScalarNode scalar:
                    string text = scalar.Value ?? string.Empty;
                    if (scalar.Style != ScalarStyle.Plain) return new JValue(text);
                    if (text == "true" || text == "false") return new JValue(text == "true");
                    if (text == "null" || text == "~" || text.Length == 0) return JValue.CreateNull();
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)) return new JValue(integer);
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)) return new JValue(number);
                    return new JValue(text);
                default:
                    throw new InvalidOperationException("Unsupported YAML node " + node.GetType().Name);
            }
        }
    }
}
