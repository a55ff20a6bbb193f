using System.Runtime.CompilerServices;

// The report's tests exercise the table differ directly.
[assembly: InternalsVisibleTo("MlopsCi.PullRequests.Tests")]
