using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace ScanPS.Http
{
    /// <summary>
    /// Refit's body serializer for ScanPS: the vendor's source-generated System.Text.Json contract (no reflection, its
    /// options and encoder) into UTF-8 bytes with Content-Type "application/json; charset=utf-8" and a Content-Length, as
    /// the bodies went out before Refit. Answers are read by VendorHttpClient.ReadJsonAsync, not here:
    /// the interfaces return the HttpResponseMessage so that a listing streams and refusals map to ScanPS errors.
    /// </summary>
    public sealed class JsonBodySerializer : IHttpContentSerializer
    {
        private readonly JsonSerializerOptions _options;

        /// <param name="options">The options of the vendor's JsonSerializerContext (its TypeInfoResolver answers every body type).</param>
        public JsonBodySerializer(JsonSerializerOptions options)
        {
            _options = options;
        }

        public HttpContent ToHttpContent<T>(T item)
        {
            var typeInfo = (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T));
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, typeInfo));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }

        public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("ScanPS's vendor interfaces return the HttpResponseMessage; VendorHttpClient reads it.");

        public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;
    }
}
