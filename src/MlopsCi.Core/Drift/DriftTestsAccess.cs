// The drift and monitoring specs test internal statistics directly (the lead may move this into MlopsCi.Core.csproj).
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("MlopsCi.Drift.Tests")]
