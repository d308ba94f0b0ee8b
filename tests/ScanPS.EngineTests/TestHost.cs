using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace ScanPS.EngineTests
{
    /// <summary>
    /// A PSHost that records what PowerShell writes to the console (the "What if:" lines, Write-Host) and answers
    /// prompts (ShouldProcess -Confirm, mandatory parameters) from a queue, so a test sees what a user at a prompt sees.
    /// </summary>
    public sealed class TestHost : PSHost
    {
        private readonly Guid _id = Guid.NewGuid();
        private readonly TestHostUserInterface _ui = new TestHostUserInterface();

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override Guid InstanceId => _id;

        public override string Name => "ScanPS.EngineTests";

        public override PSHostUserInterface UI => _ui;

        public override Version Version => new Version(1, 0);

        /// <summary>Everything written to the console, in order.</summary>
        public string Console => _ui.Text;

        /// <summary>Prompts the host was shown (ShouldProcess -Confirm captions and messages, Read-Host prompts).</summary>
        public IReadOnlyCollection<string> Prompts => _ui.Prompts;

        /// <summary>The answers to give to PromptForChoice, by index (0 = Yes, 1 = Yes to All, 2 = No, ...), in order.</summary>
        public ConcurrentQueue<int> ChoiceAnswers => _ui.ChoiceAnswers;

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode)
        {
        }

        private sealed class TestHostUserInterface : PSHostUserInterface
        {
            private readonly StringBuilder _text = new StringBuilder();
            private readonly ConcurrentQueue<string> _prompts = new ConcurrentQueue<string>();

            public ConcurrentQueue<int> ChoiceAnswers { get; } = new ConcurrentQueue<int>();

            public IReadOnlyCollection<string> Prompts => _prompts;

            public string Text
            {
                get
                {
                    lock (_text) return _text.ToString();
                }
            }

            public override PSHostRawUserInterface RawUI { get; } = new TestRawUserInterface();

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
            {
                _prompts.Enqueue(caption + ": " + message);
                throw new PromptingException("ScanPS.EngineTests does not answer parameter prompts: " + caption + " " + message);
            }

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                _prompts.Enqueue(caption + ": " + message);
                if (ChoiceAnswers.TryDequeue(out int answer)) return answer;
                throw new PromptingException("ScanPS.EngineTests was asked an unexpected question: " + caption + ": " + message);
            }

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new PromptingException("No credential prompts in tests: " + caption);

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw new PromptingException("No credential prompts in tests: " + caption);

            public override string ReadLine()
            {
                _prompts.Enqueue("ReadLine");
                throw new PromptingException("ScanPS.EngineTests does not read input.");
            }

            public override SecureString ReadLineAsSecureString() => throw new PromptingException("ScanPS.EngineTests does not read input.");

            public override void Write(string value) => Append(value);

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

            public override void WriteLine(string value) => Append(value + "\n");

            public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

            public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
            }

            public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

            public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

            private void Append(string value)
            {
                lock (_text) _text.Append(value);
            }
        }

        private sealed class TestRawUserInterface : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

            public override Size BufferSize { get; set; } = new Size(160, 3000);

            public override Coordinates CursorPosition { get; set; }

            public override int CursorSize { get; set; }

            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

            public override bool KeyAvailable => false;

            public override Size MaxPhysicalWindowSize => new Size(160, 50);

            public override Size MaxWindowSize => new Size(160, 50);

            public override Coordinates WindowPosition { get; set; }

            public override Size WindowSize { get; set; } = new Size(160, 50);

            public override string WindowTitle { get; set; } = "ScanPS.EngineTests";

            public override void FlushInputBuffer()
            {
            }

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
        }
    }
}
