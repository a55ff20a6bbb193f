using System.Text;

namespace MlopsCi.Core.Specs;

/// <summary>
/// The text encodings a data file may be declared in (<c>model.data.csv.encoding</c>): any name .NET knows, the
/// Windows and ISO code pages included (utf-8, utf-16, latin1, iso-8859-15, windows-1252, shift_jis …). The CSV reader
/// decodes a declared encoding strictly: bytes that are not valid in it are an error naming the line, not replacement
/// characters.
/// </summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Common names, for error messages.</summary>
    public const string Examples = "utf-8, utf-16, latin1 (iso-8859-1), iso-8859-15, windows-1252";

    /// <summary>The encoding called <paramref name="name"/>, or null when there is none of that name.</summary>
    public static Encoding? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
