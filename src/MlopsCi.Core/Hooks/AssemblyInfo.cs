using System.Runtime.CompilerServices;

// The hooks' tests exercise the CSV parser and the checks directly.
[assembly: InternalsVisibleTo("MlopsCi.Hooks.Tests")]
