using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScanPS.FakeVendors;

namespace ScanPS.Tests
{
    /// <summary>
    /// Checks requests and responses against Invicti's Swagger 2.0 document (the vendor's own file, kept
    /// byte-identical under tests/ScanPS.Tests/Contracts). Covers what the Invicti endpoints use: path templates,
    /// query/path/body parameters (type, format, enum, required, undeclared), consumes/produces, Basic auth, and
    /// response schemas with $ref into #/definitions, type, format (uuid, date-time, int32), enum and items.
    /// Objects are checked strictly: a property the definition does not declare is an error, so a misspelt or
    /// invented field in the fake or the client is caught. Swagger 2.0 has no null, so null is an error too.
    /// </summary>
    public sealed class InvictiSwagger
    {
        public const string FileName = "invicti-enterprise-swagger-v1.json";

        /// <summary>sha256 of the vendor file as recorded in /work/shared/vendor-specs/SOURCES.md.</summary>
        public const string Sha256 = "eacd12d66bbd4c26f7d9c6955b032d3d00c86b3ca931bf81c593d7cd38562db2";

        private static readonly Lazy<InvictiSwagger> s_default = new(() => Load(DefaultPath));

        private readonly JsonElement _root;

        private InvictiSwagger(JsonDocument document)
        {
            _root = document.RootElement;
        }

        public static string DefaultPath => Path.Combine(RepoRoot.Path, "tests", "ScanPS.Tests", "Contracts", FileName);

        public static InvictiSwagger Default => s_default.Value;

        public static InvictiSwagger Load(string path) => new(JsonDocument.Parse(File.ReadAllBytes(path)));

        public JsonElement Definition(string name) => _root.GetProperty("definitions").GetProperty(name);

        /// <summary>The operation for a method and a concrete path, with the path template's variables.</summary>
        public (string Template, JsonElement Operation, Dictionary<string, string> PathValues)? Find(string method, string path)
        {
            string[] actual = path.Trim('/').Split('/');
            foreach (var entry in _root.GetProperty("paths").EnumerateObject())
            {
                string[] template = entry.Name.Trim('/').Split('/');
                if (template.Length != actual.Length) continue;
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                bool match = true;
                for (int i = 0; i < template.Length && match; i++)
                {
                    if (template[i].StartsWith('{') && template[i].EndsWith('}')) values[template[i][1..^1]] = Uri.UnescapeDataString(actual[i]);
                    else match = string.Equals(template[i], actual[i], StringComparison.OrdinalIgnoreCase);
                }

                if (match && entry.Value.TryGetProperty(method.ToLowerInvariant(), out var operation)) return (entry.Name, operation, values);
            }

            return null;
        }

        /// <summary>Everything about the request that the document does not allow; empty when it conforms.</summary>
        public List<string> ValidateRequest(RecordedRequest request)
        {
            var errors = new List<string>();
            string what = request.Method + " " + request.Path;
            var found = Find(request.Method, request.Path);
            if (found == null)
            {
                errors.Add(what + ": no such operation in the Swagger document.");
                return errors;
            }

            var (_, operation, pathValues) = found.Value;
            CheckBasicAuth(request, what, errors);

            var query = ParseQuery(request.RawQuery);
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in Parameters(operation))
            {
                string name = parameter.GetProperty("name").GetString()!;
                string location = parameter.GetProperty("in").GetString()!;
                bool required = parameter.TryGetProperty("required", out var r) && r.GetBoolean();
                switch (location)
                {
                    case "query":
                        declared.Add(name);
                        if (!query.TryGetValue(name, out var value))
                        {
                            if (required) errors.Add(what + ": required query parameter '" + name + "' is missing.");
                            continue;
                        }

                        CheckSimple(parameter, value, what + " query " + name, errors);
                        break;
                    case "path":
                        CheckSimple(parameter, pathValues.TryGetValue(name, out var p) ? p : string.Empty, what + " path " + name, errors);
                        break;
                    case "body":
                        if (request.Body.Length == 0)
                        {
                            if (required) errors.Add(what + ": the required body '" + name + "' is missing.");
                            continue;
                        }

                        JsonDocument body;
                        try
                        {
                            body = JsonDocument.Parse(request.Body);
                        }
                        catch (JsonException ex)
                        {
                            errors.Add(what + ": the body is not JSON (" + ex.Message + ").");
                            continue;
                        }

                        using (body) errors.AddRange(ValidateValue(parameter.GetProperty("schema"), body.RootElement, what + " body"));
                        break;
                }
            }

            foreach (var name in query.Keys.Where(k => !declared.Contains(k)))
            {
                errors.Add(what + ": query parameter '" + name + "' is not declared.");
            }

            if (request.Body.Length > 0)
            {
                CheckMediaType(request.Header("Content-Type"), operation, "consumes", what + " Content-Type", errors);
            }

            string? accept = request.Header("Accept");
            if (accept != null) CheckMediaType(accept, operation, "produces", what + " Accept", errors);
            return errors;
        }

        /// <summary>
        /// Checks a response against the operation's documented response for that status. A 4xx/5xx the operation does
        /// not document is checked against the error bodies the document uses elsewhere (BaseResponseApiModel {Message}
        /// or a bare string); an undocumented 1xx-3xx is an error.
        /// </summary>
        public List<string> ValidateResponse(string method, string path, int status, string? contentType, string body)
        {
            var errors = new List<string>();
            string what = method + " " + path + " -> " + status;
            var found = Find(method, path);
            if (found == null)
            {
                if (status != 404) errors.Add(what + ": no such operation in the Swagger document.");
                else errors.AddRange(ValidateErrorBody(body, what));
                return errors;
            }

            var operation = found.Value.Operation;
            CheckMediaType(contentType, operation, "produces", what + " Content-Type", errors);
            if (!operation.GetProperty("responses").TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var response))
            {
                if (status >= 400) errors.AddRange(ValidateErrorBody(body, what));
                else errors.Add(what + ": status " + status + " is not documented for this operation.");
                return errors;
            }

            if (!response.TryGetProperty("schema", out var schema))
            {
                return errors;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                errors.AddRange(ValidateValue(schema, document.RootElement, what + " body"));
            }
            catch (JsonException ex)
            {
                errors.Add(what + ": the body is not JSON (" + ex.Message + ").");
            }

            return errors;
        }

        /// <summary>A JSON value against a Swagger schema; every problem with its JSON path.</summary>
        public List<string> ValidateValue(JsonElement schema, JsonElement value, string where)
        {
            var errors = new List<string>();
            Validate(schema, value, where, errors);
            return errors;
        }

        private void Validate(JsonElement schema, JsonElement value, string where, List<string> errors)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                string target = reference.GetString()!;
                const string prefix = "#/definitions/";
                if (!target.StartsWith(prefix, StringComparison.Ordinal)) throw new NotSupportedException("Only local $ref: " + target);
                Validate(Definition(target[prefix.Length..]), value, where, errors);
                return;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                errors.Add(where + ": null is not allowed (Swagger 2.0 has no nullable).");
                return;
            }

            string type = schema.TryGetProperty("type", out var t) ? t.GetString()! : schema.TryGetProperty("properties", out _) ? "object" : "any";
            switch (type)
            {
                case "object":
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(where + ": expected an object, found " + value.ValueKind + ".");
                        return;
                    }

                    var properties = schema.TryGetProperty("properties", out var ps) ? ps : default;
                    foreach (var property in value.EnumerateObject())
                    {
                        if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                            Validate(propertySchema, property.Value, where + "." + property.Name, errors);
                        else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
                            Validate(additional, property.Value, where + "." + property.Name, errors);
                        else
                            errors.Add(where + ": property '" + property.Name + "' is not declared by the schema.");
                    }

                    if (schema.TryGetProperty("required", out var required))
                    {
                        foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
                        {
                            if (!value.TryGetProperty(name, out _)) errors.Add(where + ": required property '" + name + "' is missing.");
                        }
                    }

                    break;
                case "array":
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        errors.Add(where + ": expected an array, found " + value.ValueKind + ".");
                        return;
                    }

                    int index = 0;
                    foreach (var item in value.EnumerateArray()) Validate(schema.GetProperty("items"), item, where + "[" + index++ + "]", errors);
                    break;
                case "string":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        errors.Add(where + ": expected a string, found " + value.ValueKind + ".");
                        return;
                    }

                    CheckString(schema, value.GetString()!, where, errors);
                    break;
                case "integer":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long whole))
                    {
                        errors.Add(where + ": expected an integer, found " + value.ValueKind + " " + value.GetRawText() + ".");
                        return;
                    }

                    if (Format(schema) == "int32" && (whole < int.MinValue || whole > int.MaxValue)) errors.Add(where + ": " + whole + " is out of int32 range.");
                    break;
                case "number":
                    if (value.ValueKind != JsonValueKind.Number) errors.Add(where + ": expected a number, found " + value.ValueKind + ".");
                    break;
                case "boolean":
                    if (value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False) errors.Add(where + ": expected a boolean, found " + value.ValueKind + ".");
                    break;
            }
        }

        private static void CheckString(JsonElement schema, string text, string where, List<string> errors)
        {
            if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == text))
            {
                errors.Add(where + ": '" + text + "' is not one of the enum values.");
            }

            switch (Format(schema))
            {
                case "uuid":
                    if (!Guid.TryParseExact(text, "D", out _)) errors.Add(where + ": '" + text + "' is not a uuid.");
                    break;
                case "date-time":
                    // RFC 3339 date-time, as Swagger 2.0 specifies for format date-time.
                    if (!Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")) errors.Add(where + ": '" + text + "' is not an RFC 3339 date-time.");
                    break;
            }
        }

        /// <summary>A query or path value (always text on the wire) against its parameter's type, format and enum.</summary>
        private static void CheckSimple(JsonElement parameter, string text, string where, List<string> errors)
        {
            string type = parameter.GetProperty("type").GetString()!;
            if (type == "integer")
            {
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)) errors.Add(where + ": '" + text + "' is not an integer.");
                else if (Format(parameter) == "int32" && (n < int.MinValue || n > int.MaxValue)) errors.Add(where + ": " + n + " is out of int32 range.");
                return;
            }

            if (type == "boolean")
            {
                if (text != "true" && text != "false") errors.Add(where + ": '" + text + "' is not a boolean.");
                return;
            }

            CheckString(parameter, text, where, errors);
        }

        private static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var f) ? f.GetString() : null;

        private IEnumerable<string> ValidateErrorBody(string body, string what)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.String) return Array.Empty<string>();
                return ValidateValue(Definition("BaseResponseApiModel"), document.RootElement, what + " error body");
            }
            catch (JsonException ex)
            {
                return new[] { what + ": the error body is not JSON (" + ex.Message + ")." };
            }
        }

        private void CheckBasicAuth(RecordedRequest request, string what, List<string> errors)
        {
            // securityDefinitions: {"basic": {"type": "basic"}}: Authorization: Basic base64(user:password).
            if (_root.GetProperty("securityDefinitions").GetProperty("basic").GetProperty("type").GetString() != "basic")
            {
                errors.Add("the document no longer declares Basic auth.");
            }

            string? header = request.Header("Authorization");
            if (header == null || !header.StartsWith("Basic ", StringComparison.Ordinal))
            {
                errors.Add(what + ": no Basic Authorization header.");
                return;
            }

            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
                if (decoded.IndexOf(':') <= 0) errors.Add(what + ": the Basic credentials are not user:password.");
            }
            catch (FormatException)
            {
                errors.Add(what + ": the Basic credentials are not base64.");
            }
        }

        private static void CheckMediaType(string? header, JsonElement operation, string list, string what, List<string> errors)
        {
            if (header == null)
            {
                errors.Add(what + " is missing.");
                return;
            }

            string mediaType = header.Split(';')[0].Trim();
            var allowed = operation.TryGetProperty(list, out var values) ? values.EnumerateArray().Select(v => v.GetString()).ToList() : new List<string?>();
            if (!allowed.Contains(mediaType, StringComparer.OrdinalIgnoreCase)) errors.Add(what + " '" + mediaType + "' is not in the operation's " + list + ".");
        }

        private IEnumerable<JsonElement> Parameters(JsonElement operation) =>
            operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : Enumerable.Empty<JsonElement>();

        private static Dictionary<string, string> ParseQuery(string rawQuery)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string part in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                string name = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
                result[name] = Uri.UnescapeDataString(eq < 0 ? string.Empty : part[(eq + 1)..].Replace('+', ' '));
            }

            return result;
        }
    }
}
