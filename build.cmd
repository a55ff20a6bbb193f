@echo off
rem Runs the build project build\_build.csproj the way Nuke's build.cmd does (Nuke.Common itself is not used):
rem   build.cmd [Target ...] [--parameter value ...]        build.cmd --help        build.cmd --plan Test
rem The runner is compiled into build\bin\runner and reused until a build input is newer than it.
setlocal
set "ROOT=%~dp0"
set "ROOT=%ROOT:~0,-1%"
set "OUTPUT=%ROOT%\build\bin\runner"
set "DLL=%OUTPUT%\_build.dll"
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

where dotnet >nul 2>nul || (
  echo build.cmd: the .NET SDK was not found on PATH. Install the SDK version named in global.json ^(https://dot.net/download^). 1>&2
  exit /b 1
)

rem Stale when the runner is missing or any input of its compilation is newer (checked with Windows PowerShell).
set STALE=1
if exist "%DLL%" powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command ^
  "$built = (Get-Item -LiteralPath $env:DLL).LastWriteTimeUtc;" ^
  "$inputs = @(Get-ChildItem -LiteralPath (Join-Path $env:ROOT 'build') -Recurse -File -Include *.cs,*.csproj,*.props,*.targets,.editorconfig | Where-Object { $_.FullName -notmatch '\\build\\(bin|obj)\\' });" ^
  "$inputs += @('Directory.Build.props','Directory.Build.targets','Directory.Packages.props','global.json','.editorconfig' | ForEach-Object { Join-Path $env:ROOT $_ } | Where-Object { Test-Path -LiteralPath $_ } | ForEach-Object { Get-Item -LiteralPath $_ });" ^
  "if (@($inputs | Where-Object { $_.LastWriteTimeUtc -gt $built }).Count -eq 0) { exit 0 } else { exit 1 }" >nul 2>nul && set STALE=0

if "%STALE%"=="1" (
  echo Compiling build\_build.csproj ... 1>&2
  dotnet build "%ROOT%\build\_build.csproj" -nologo -v q -clp:NoSummary -o "%OUTPUT%" 1>&2 || exit /b 1
  rem MSBuild may skip rewriting an unchanged dll: touch it so the next call does not compile again.
  copy /b "%DLL%"+,, "%DLL%" >nul
)

dotnet "%DLL%" %*
exit /b %ERRORLEVEL%
