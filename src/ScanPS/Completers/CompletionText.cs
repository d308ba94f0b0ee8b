namespace ScanPS.Completers
{
    /// <summary>
    /// The text a completion puts on the command line: the value as it is, or single-quoted when PowerShell would
    /// otherwise read it differently (a space, quote, variable, operator or comment character, or a leading dash,
    /// which would make it a parameter name).
    /// </summary>
    internal static class CompletionText
    {
        private static readonly char[] NeedsQuotes = { ' ', '\t', '\'', '"', '‘', '’', '“', '”', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#', '|', '&', '<', '>', '+' };

        public static string Of(string value) =>
            value.Length > 0 && value[0] != '-' && value.IndexOfAny(NeedsQuotes) < 0 ? value : "'" + value.Replace("'", "''") + "'";
    }
}
