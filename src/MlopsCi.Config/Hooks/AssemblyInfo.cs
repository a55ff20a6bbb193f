using System.Runtime.CompilerServices;

// The hooks' tests check the property parsers directly.
[assembly: InternalsVisibleTo("MlopsCi.Hooks.Tests")]
