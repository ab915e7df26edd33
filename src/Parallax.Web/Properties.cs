using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Parallax.Tests")]
