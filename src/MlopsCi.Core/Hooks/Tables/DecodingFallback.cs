using System.Text;

namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// Decodes bytes that are not valid in a declared encoding to U+FFFD, as the lenient decoder would, but remembers the
/// first such byte, so the reader can stop at the row that holds it and name its line (decoding runs a buffer ahead of
/// parsing, so an exception thrown here could not say where).
/// </summary>
internal sealed class DecodingFallback : DecoderFallback
{
    /// <summary>The first byte that was not valid, once one was met.</summary>
    public byte? FirstInvalid { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>The encoding called <paramref name="encoding"/> decoding with a new fallback of this kind.</summary>
    public static (Encoding Encoding, DecodingFallback Fallback) For(Encoding encoding)
    {
        var fallback = new DecodingFallback();
        return (Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, fallback), fallback);
    }

    private sealed class Buffer(DecodingFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.FirstInvalid ??= bytesUnknown.Length > 0 ? bytesUnknown[0] : (byte)0;
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
                return '\0';
            _pending = false;
            return '\uFFFD';
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
