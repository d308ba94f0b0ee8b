// .NET Framework 4.7.2 (the net472 build) lacks the marker type that C# 9 init-only setters and records need; net8.0 has it.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
