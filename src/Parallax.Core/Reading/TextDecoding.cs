using System.Text;

namespace Parallax.Reading;

/// <summary>Decodes bytes as UTF-8 (or UTF-16 with a byte-order mark), refusing anything else rather than guessing.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(byte[] bytes, out string text, out string? error)
    {
        error = null;
        try
        {
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) text = StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
            else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) text = new UnicodeEncoding(false, false, true).GetString(bytes, 2, bytes.Length - 2);
            else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) text = new UnicodeEncoding(true, false, true).GetString(bytes, 2, bytes.Length - 2);
            else text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            int at = e.Index >= 0 ? e.Index : 0;
            string b = e.BytesUnknown is { Length: > 0 } u ? $"0x{u[0]:X2}" : "an invalid byte";
            error = $"not valid UTF-8 ({b} near byte {at}); convert it to UTF-8 (e.g. iconv -f latin1 -t utf-8) and try again";
            text = "";
            return false;
        }
    }
}
