namespace Parallax.Extraction;

/// <summary>
/// A page refused before it is read: it nests elements deeper, or holds more of them, than any article page does. The message
/// says which limit it passed, in one line for the person who gave the page.
/// </summary>
public sealed class PageRefusedException(string message) : Exception(message);
