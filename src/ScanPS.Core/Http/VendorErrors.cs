using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScanPS.Errors;

namespace ScanPS.Http
{
    /// <summary>Turns a vendor's refusal into a ScanPSError: PascalCase id, category, the vendor's own words.</summary>
    public static class VendorErrors
    {
        private const int MaxDetailLength = 4000;

        public static ScanPSError FromStatus(
            string provider, VendorRequest request, Uri url, HttpStatusCode status, string? reasonPhrase, string body, string? requestId, ErrorAdvice? advice = null)
        {
            advice ??= new ErrorAdvice();
            int code = (int)status;
            string? described = request.DescribeError?.Invoke(body);
            string vendorMessage = string.IsNullOrWhiteSpace(described) ? ExtractMessage(body) : Shorten(described!);
            string statusText = code + " " + (string.IsNullOrEmpty(reasonPhrase) ? status.ToString() : reasonPhrase);
            string what = request.Method.Method + " " + url.AbsolutePath;

            string id;
            ScanPSErrorCategory category;
            string action;
            switch (code)
            {
                case 400:
                case 422:
                    id = ErrorIds.InvalidRequest; category = ScanPSErrorCategory.InvalidArgument;
                    action = "Correct the parameters named in the vendor's message and run the command again.";
                    break;
                case 401:
                    id = ErrorIds.AuthenticationFailed; category = ScanPSErrorCategory.AuthenticationError;
                    action = advice.AuthenticationFailed;
                    break;
                case 407:
                    // The proxy answered, not the vendor.
                    id = ErrorIds.ProxyAuthenticationRequired; category = ScanPSErrorCategory.AuthenticationError;
                    action = advice.ProxyAuthenticationRequired;
                    break;
                case 403:
                    id = ErrorIds.PermissionDenied; category = ScanPSErrorCategory.PermissionDenied;
                    action = "The key is valid but not allowed to do this; check its role or plan with " + provider + ".";
                    break;
                case 404:
                    id = request.NotFoundErrorId; category = ScanPSErrorCategory.ObjectNotFound;
                    action = advice.NotFound;
                    break;
                case 429:
                    id = ErrorIds.RateLimitExceeded; category = ScanPSErrorCategory.LimitsExceeded;
                    action = "Wait and run the command again; ScanPS already retried while the vendor allowed it.";
                    break;
                default:
                    if (code >= 500)
                    {
                        id = ErrorIds.VendorUnavailable; category = ScanPSErrorCategory.ResourceUnavailable;
                        action = request.Kind == RequestKind.Create
                            ? advice.CreateFailed
                            : "Try again later; the vendor service is failing.";
                    }
                    else if (code >= 300 && code < 400)
                    {
                        id = ErrorIds.UnexpectedRedirect; category = ScanPSErrorCategory.ProtocolError;
                        action = advice.Redirected;
                    }
                    else
                    {
                        id = ErrorIds.VendorError; category = ScanPSErrorCategory.ProtocolError;
                        action = "See the vendor's message in ErrorDetails.";
                    }

                    break;
            }

            string message = provider + " answered " + statusText + " to " + what +
                (vendorMessage.Length > 0 ? ": " + vendorMessage : ".");
            if (code >= 300 && code < 400)
            {
                message = provider + " answered " + statusText + " to " + what + " (redirect not followed).";
            }

            return new ScanPSError(id, category, message, request.Target ?? url)
            {
                StatusCode = code,
                Details = vendorMessage.Length > 0 ? vendorMessage : statusText,
                RecommendedAction = action,
                VendorRequestId = requestId,
            };
        }

        public static ScanPSError InvalidResponse(string provider, VendorRequest request, Uri url, string problem, Exception? inner = null)
        {
            return new ScanPSError(
                ErrorIds.InvalidVendorResponse,
                ScanPSErrorCategory.InvalidResult,
                provider + " answered " + request.Method.Method + " " + url.AbsolutePath + " with something that is not the expected JSON: " + problem,
                request.Target ?? url)
            {
                InnerException = inner,
                RecommendedAction = "Check -BaseUri points at the " + provider + " API (not a proxy or login page) and try again.",
            };
        }

        /// <summary>
        /// The human part of an error body: a message/error/detail field of a JSON body, else the text itself
        /// (an HTML page is reduced to its title). Shortened to a readable length.
        /// </summary>
        public static string ExtractMessage(string? body)
        {
            if (string.IsNullOrWhiteSpace(body)) return string.Empty;
            string trimmed = body!.Trim();
            if (trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("\"", StringComparison.Ordinal))
            {
                try
                {
                    using var document = JsonDocument.Parse(trimmed);
                    string? found = FindMessage(document.RootElement);
                    if (!string.IsNullOrWhiteSpace(found)) return Shorten(found!);
                }
                catch (JsonException)
                {
                    // Not JSON after all: fall through to the raw text.
                }
            }

            if (LooksLikeHtml(trimmed))
            {
                var title = Regex.Match(trimmed, "<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline);
                return "an HTML page" + (title.Success ? " titled '" + WebUtility.HtmlDecode(title.Groups[1].Value.Trim()) + "'" : string.Empty);
            }

            return Shorten(trimmed);
        }

        public static bool LooksLikeHtml(string text)
        {
            string start = text.TrimStart();
            return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) ||
                   start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
        }

        public static string Shorten(string text) =>
            text.Length <= MaxDetailLength ? text : text.Substring(0, MaxDetailLength) + "… (" + text.Length + " characters)";

        public static string? RequestId(HttpResponseMessage response)
        {
            foreach (var name in new[] { "X-Request-Id", "Request-Id", "X-Correlation-Id" })
            {
                if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
            }

            return null;
        }

        private static readonly string[] MessageFields = { "message", "Message", "error", "detail", "error_description", "errors", "title" };

        /// <summary>
        /// What an error body says next to its message, so none of the vendor's words are lost: ProjectDiscovery's
        /// ErrorResponse carries "error" beside "message", and ASP.NET (Invicti) puts field errors in "ModelState".
        /// </summary>
        private static string Complement(JsonElement body, string used, string message)
        {
            var extra = new List<string>();
            foreach (var name in new[] { "error", "detail", "error_description" })
            {
                if (name == used || !body.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String) continue;
                string? text = value.GetString();
                if (!string.IsNullOrWhiteSpace(text) && message.IndexOf(text!, StringComparison.OrdinalIgnoreCase) < 0 && !IsStatusText(text!)) extra.Add(text!);
            }

            if (body.TryGetProperty("ModelState", out var modelState) && modelState.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in modelState.EnumerateObject())
                {
                    string? errors = FindMessage(field.Value);
                    if (!string.IsNullOrWhiteSpace(errors)) extra.Add((field.Name.Length > 0 ? field.Name + ": " : string.Empty) + errors);
                }
            }

            return extra.Count == 0 ? string.Empty : " (" + string.Join("; ", extra) + ")";
        }

        /// <summary>"Bad Request", "Not Found": the status line again (ProjectDiscovery's "error" often is), which adds nothing.</summary>
        private static bool IsStatusText(string text)
        {
            string compact = text.Replace(" ", string.Empty);
            return compact.Length > 0 && !char.IsDigit(compact[0]) && Enum.TryParse<HttpStatusCode>(compact, ignoreCase: true, out _);
        }

        private static string? FindMessage(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Array:
                    var parts = element.EnumerateArray().Select(FindMessage).Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
                    return parts.Length == 0 ? null : string.Join("; ", parts);
                case JsonValueKind.Object:
                    foreach (var name in MessageFields)
                    {
                        if (element.TryGetProperty(name, out var value))
                        {
                            string? found = FindMessage(value);
                            if (!string.IsNullOrWhiteSpace(found)) return found + Complement(element, name, found!);
                        }
                    }

                    return element.GetRawText();
                default:
                    return null;
            }
        }
    }
}
