using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPS.FakeVendors;

/// <summary>
/// The body of POST /scheduledscans/bulk/, validated the way a Django REST Framework serializer would: every
/// problem is collected into an error object nested like the body ({"targets": [{}, {"id": [...]}],
/// "scheduledscan": {"date_time": [...]}, "non_field_errors": [...]}). Messages are DRF's stock ones where DRF has
/// one; the vendor-specific rules and their wording are UNCONFIRMED and marked so.
/// </summary>
internal sealed class BulkScheduleRequest
{
    internal static readonly string[] Recurrences = { "", "h", "d", "w", "m", "q" };
    internal static readonly string[] WeekIndexes = { "first", "second", "third", "fourth", "last", "" };

    internal List<string> TargetIds { get; } = new();

    internal DateTimeOffset DateTime { get; private set; }

    internal string Recurrence { get; private set; } = "";

    internal string TimeZone { get; private set; } = "UTC";

    internal bool RunOnDayOfWeek { get; private set; }

    internal int? ScheduledDayOfWeek { get; private set; }

    internal string? WeekIndex { get; private set; }

    internal bool PartialScan { get; private set; }

    internal bool OverrideTargetSettings { get; private set; }

    internal bool Incremental { get; private set; }

    internal bool ReducedScope { get; private set; }

    internal string? ScanProfile { get; private set; }

    /// <summary>Parses and validates; on failure returns null and the DRF-style error object for the 400 body.</summary>
    internal static BulkScheduleRequest? TryParse(
        string body, Func<string, string?> refuseTarget, Func<string, bool> scanProfileExists, DateTimeOffset now, out JsonObject? errors)
    {
        errors = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            // DRF's ParseError.
            errors = new JsonObject { ["detail"] = "JSON parse error - " + ex.Message };
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors = new JsonObject { ["non_field_errors"] = Messages("Invalid data. Expected a dictionary, but got " + Kind(root) + ".") };
                return null;
            }

            BulkScheduleRequest request = new();
            JsonObject found = new();
            // DRF ignores keys it does not know, so the fake does too.
            if (!root.TryGetProperty("targets", out JsonElement targets))
            {
                found["targets"] = Messages("This field is required.");
            }
            else
            {
                JsonNode? targetErrors = request.ReadTargets(targets, refuseTarget);
                if (targetErrors is not null)
                {
                    found["targets"] = targetErrors;
                }
            }

            if (!root.TryGetProperty("scheduledscan", out JsonElement schedule))
            {
                found["scheduledscan"] = Messages("This field is required.");
            }
            else
            {
                JsonObject scheduleErrors = request.ReadSchedule(schedule, scanProfileExists, now);
                if (scheduleErrors.Count > 0)
                {
                    found["scheduledscan"] = scheduleErrors;
                }
            }

            if (found.Count > 0)
            {
                errors = found;
                return null;
            }

            return request;
        }
    }

    private JsonNode? ReadTargets(JsonElement targets, Func<string, string?> refuseTarget)
    {
        if (targets.ValueKind != JsonValueKind.Array)
        {
            return Messages("Expected a list of items but got type \"" + Kind(targets) + "\".");
        }

        if (targets.GetArrayLength() == 0)
        {
            // UNCONFIRMED: that the vendor's list serializer refuses an empty list.
            return Messages("This list may not be empty.");
        }

        JsonArray perItem = new();
        bool any = false;
        foreach (JsonElement item in targets.EnumerateArray())
        {
            JsonObject itemErrors = new();
            if (item.ValueKind != JsonValueKind.Object)
            {
                itemErrors["non_field_errors"] = Messages("Invalid data. Expected a dictionary, but got " + Kind(item) + ".");
            }
            else if (!item.TryGetProperty("id", out JsonElement id))
            {
                itemErrors["id"] = Messages("This field is required.");
            }
            else if (id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0)
            {
                itemErrors["id"] = Messages("Incorrect type. Expected pk value, received " + Kind(id) + ".");
            }
            else if (refuseTarget(id.GetString()!) is string refusal)
            {
                itemErrors["id"] = Messages(refusal);
            }
            else
            {
                TargetIds.Add(id.GetString()!);
            }

            any |= itemErrors.Count > 0;
            perItem.Add(itemErrors);
        }

        return any ? perItem : null;
    }

    private JsonObject ReadSchedule(JsonElement schedule, Func<string, bool> scanProfileExists, DateTimeOffset now)
    {
        JsonObject errors = new();
        if (schedule.ValueKind != JsonValueKind.Object)
        {
            errors["non_field_errors"] = Messages("Invalid data. Expected a dictionary, but got " + Kind(schedule) + ".");
            return errors;
        }

        if (ReadString(schedule, "timezone", errors, required: false) is string timeZone)
        {
            if (timeZone.Length > 64)
            {
                errors["timezone"] = Messages("Ensure this field has no more than 64 characters.");
            }
            else if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out TimeZoneInfo? zone) || !zone.HasIanaId)
            {
                // Windows ids are refused: the vendor stores IANA names (UNCONFIRMED wording).
                errors["timezone"] = Messages("A valid timezone is required.");
            }
            else
            {
                TimeZone = timeZone;
            }
        }

        string? dateTime = ReadString(schedule, "date_time", errors, required: true);
        if (dateTime is not null)
        {
            if (!TryParseDateTime(dateTime, out DateTimeOffset parsed))
            {
                errors["date_time"] = Messages("Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
            }
            else if (parsed <= now)
            {
                // UNCONFIRMED: the vendor's rule and wording for a start in the past.
                errors["date_time"] = Messages("Date and time must be in the future.");
            }
            else
            {
                DateTime = parsed;
            }
        }

        if (ReadString(schedule, "recurrence", errors, required: false) is string recurrence)
        {
            if (!Recurrences.Contains(recurrence, StringComparer.Ordinal))
            {
                errors["recurrence"] = Messages("\"" + recurrence + "\" is not a valid choice.");
            }
            else
            {
                Recurrence = recurrence;
            }
        }

        RunOnDayOfWeek = ReadBool(schedule, "run_on_day_of_week", errors);
        PartialScan = ReadBool(schedule, "partial_scan", errors);
        OverrideTargetSettings = ReadBool(schedule, "override_target_settings", errors);
        Incremental = ReadBool(schedule, "incremental", errors);
        ReducedScope = ReadBool(schedule, "reduced_scope", errors);

        if (schedule.TryGetProperty("scheduled_day_of_week", out JsonElement day) && day.ValueKind != JsonValueKind.Null)
        {
            if (day.ValueKind != JsonValueKind.Number || !day.TryGetInt32(out int number) || number < 1 || number > 7)
            {
                errors["scheduled_day_of_week"] = Messages("\"" + day.ToString() + "\" is not a valid choice.");
            }
            else
            {
                ScheduledDayOfWeek = number;
            }
        }

        if (schedule.TryGetProperty("week_index", out JsonElement week) && week.ValueKind != JsonValueKind.Null)
        {
            if (week.ValueKind != JsonValueKind.String || !WeekIndexes.Contains(week.GetString(), StringComparer.Ordinal))
            {
                errors["week_index"] = Messages("\"" + week.ToString() + "\" is not a valid choice.");
            }
            else
            {
                WeekIndex = week.GetString()!.Length == 0 ? null : week.GetString();
            }
        }

        if (schedule.TryGetProperty("scan_profile", out JsonElement profile) && profile.ValueKind != JsonValueKind.Null)
        {
            if (profile.ValueKind != JsonValueKind.String || !scanProfileExists(profile.GetString()!))
            {
                errors["scan_profile"] = Messages("Invalid pk \"" + profile.ToString() + "\" - object does not exist.");
            }
            else
            {
                ScanProfile = profile.GetString();
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // Cross-field rules, reported the DRF way under non_field_errors (all UNCONFIRMED as vendor behaviour).
        List<string> general = new();
        if (RunOnDayOfWeek && Recurrence is not ("m" or "q"))
        {
            general.Add("Run on day of week is only available for monthly or quarterly recurrence.");
        }

        if (RunOnDayOfWeek && (ScheduledDayOfWeek is null || WeekIndex is null))
        {
            general.Add("Scheduled day of week and week index are required to run on a day of week.");
        }

        if (PartialScan && !OverrideTargetSettings)
        {
            general.Add("Partial scans require overriding the target settings.");
        }

        if ((Incremental || ReducedScope) && !PartialScan)
        {
            general.Add("Incremental and reduced scope scans must be partial scans.");
        }

        if (general.Count > 0)
        {
            errors["non_field_errors"] = Messages(general.ToArray());
        }

        return errors;
    }

    /// <summary>ISO 8601 with an offset or Z; a naive time is read in the schedule's time zone (UNCONFIRMED vendor behaviour).</summary>
    private bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        bool hasOffset = text.EndsWith('Z') || text.LastIndexOf('+') > 10 || text.LastIndexOf('-') > 10;
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value) && text.Contains('T');
        }

        value = default;
        if (!System.DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime naive) || !text.Contains('T'))
        {
            return false;
        }

        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        value = new DateTimeOffset(naive, zone.GetUtcOffset(naive));
        return true;
    }

    private static string? ReadString(JsonElement parent, string name, JsonObject errors, bool required)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors[name] = Messages(value.ValueKind == JsonValueKind.Null && parent.TryGetProperty(name, out _) ? "This field may not be null." : "This field is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = Messages("Not a valid string.");
            return null;
        }

        return value.GetString();
    }

    private static bool ReadBool(JsonElement parent, string name, JsonObject errors)
    {
        if (!parent.TryGetProperty(name, out JsonElement value))
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors[name] = Messages("Must be a valid boolean.");
        return false;
    }

    private static JsonArray Messages(params string[] messages)
    {
        JsonArray array = new();
        foreach (string message in messages)
        {
            array.Add(message);
        }

        return array;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "str",
        JsonValueKind.Number => "int",
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "dict",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "NoneType",
    };
}
