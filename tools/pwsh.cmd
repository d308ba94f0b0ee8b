@echo off
rem pwsh from the .NET SDK alone: builds tools\ScanPS.Pwsh on first use, then runs it, e.g.  tools\pwsh.cmd .\build.ps1 Demo
setlocal
set "dll=%~dp0ScanPS.Pwsh\bin\Release\net10.0\pwsh.dll"
if not exist "%dll%" (
    dotnet build "%~dp0ScanPS.Pwsh\ScanPS.Pwsh.csproj" -c Release -nologo -v quiet 1>&2 || exit /b 1
)
dotnet "%dll%" %*
