using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ScanPS.FakeVendors;

/// <summary>Shared response helpers so every fake writes JSON the same way.</summary>
internal static class FakeHttp
{
    internal const string JsonContentType = "application/json; charset=utf-8";

    // Relaxed escaping keeps error messages readable in curl ('x' instead of \u0027x\u0027); output stays valid JSON.
    private static readonly JsonSerializerOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string ToJson(JsonNode node) => node.ToJsonString(s_jsonOptions);

    internal static JsonObject Error(string message) => new() { ["error"] = message };

    internal static Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode node) =>
        WriteJsonAsync(context, statusCode, ToJson(node));

    internal static Task WriteJsonAsync(HttpContext context, int statusCode, string json) =>
        WriteAsync(context, statusCode, JsonContentType, json);

    internal static async Task WriteAsync(HttpContext context, int statusCode, string contentType, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        // CancellationToken.None: if the client has gone, Kestrel discards the write anyway.
        await context.Response.Body.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
    }
}
