using System.Management.Automation.Language;

namespace ScanPS.Completers
{
    /// <summary>
    /// The text a completion inserts. A value goes in bare only when PowerShell reads it back as that same
    /// string: anything it would parse as a number ("000000000000000000000001" is 1, "1kb" is 1024), a
    /// parameter name, a variable or several tokens is single-quoted.
    /// </summary>
    public static class CompletionText
    {
        public static string Quote(string value)
        {
            Parser.ParseInput("x " + value, out Token[] tokens, out ParseError[] errors);
            if (value.Length == 0 || errors.Length != 0 || tokens.Length != 3 || tokens[1].Text != value) return Quoted(value);
            var token = tokens[1];
            // A plain word is an Identifier token; a word with '-', '/', '.' or '+' (a GUID, Etc/GMT+1) a Generic literal.
            bool bare = (token.Kind == TokenKind.Identifier && token.GetType() == typeof(Token))
                || (token.Kind == TokenKind.Generic && token is StringLiteralToken literal && literal.Value == value);
            return bare ? value : Quoted(value);
        }

        private static string Quoted(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
