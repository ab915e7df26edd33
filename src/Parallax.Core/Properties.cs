using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Parallax.Tests")]
[assembly: InternalsVisibleTo("dbg")]
