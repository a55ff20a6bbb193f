using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace MlopsCi.Web.Pages;

/// <summary>
/// Builds a page. Every text that comes from the store goes through <see cref="Text"/>, <see cref="Cell"/> or <see cref="Link"/> (HTML-encoded);
/// only literal markup written here is appended raw.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _sb = new(16 * 1024);

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string Url(string value) => Uri.EscapeDataString(value);

    /// <summary>A path in a URL with its '/' kept readable.</summary>
    public static string PathUrl(string value) => string.Join('/', value.Split('/').Select(Uri.EscapeDataString));

    public static string Number(double? value) =>
        value is not { } v ? "" : double.IsNaN(v) ? "NaN" : v.ToString(Math.Abs(v) >= 1000 ? "#,0.##" : "0.####", CultureInfo.InvariantCulture);

    public static string Signed(double? value) =>
        value is not { } v ? "" : v.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture);

    public static string Bytes(long? value) => value switch
    {
        null => "",
        < 1024 => $"{value} B",
        < 1024 * 1024 => $"{value / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{value / (1024.0 * 1024):0.#} MiB",
        _ => $"{value / (1024.0 * 1024 * 1024):0.##} GiB",
    };

    public static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "";

    public static string Short(string? id) => id is null ? "" : id.Length > 12 ? id[..12] : id;

    /// <summary>Appends literal markup (never store data).</summary>
    public Html Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public Html Text(string? value)
    {
        _sb.Append(Encode(value));
        return this;
    }

    public Html Link(string href, string? text, string? cssClass = null)
    {
        _sb.Append("<a href=\"").Append(Encode(href)).Append('"');
        if (cssClass is not null)
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append('>').Append(Encode(text)).Append("</a>");
        return this;
    }

    public Html Heading(string? text, int level = 1) => Raw($"<h{level}>").Text(text).Raw($"</h{level}>\n");

    public Html Para(string? text, string? cssClass = null) => Raw(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Text(text).Raw("</p>\n");

    /// <summary>A table cell with encoded text; <paramref name="sortKey"/> (numbers, times) is what the sort script compares.</summary>
    public Html Cell(string? text, string? sortKey = null, string? cssClass = null)
    {
        _sb.Append("<td");
        if (sortKey is not null)
            _sb.Append(" data-sort=\"").Append(Encode(sortKey)).Append('"');
        if (cssClass is not null)
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        _sb.Append('>').Append(Encode(text)).Append("</td>");
        return this;
    }

    public Html LinkCell(string href, string? text) => Raw("<td>").Link(href, text).Raw("</td>");

    public Html HeaderRow(params string[] names)
    {
        _sb.Append("<thead><tr>");
        foreach (var name in names)
            _sb.Append("<th>").Append(Encode(name)).Append("</th>");
        _sb.Append("</tr></thead>\n");
        return this;
    }

    /// <summary>A definition list of facts, values encoded.</summary>
    public Html Facts(IEnumerable<(string Name, string? Value)> facts)
    {
        _sb.Append("<dl class=\"facts\">");
        foreach (var (name, value) in facts.Where(f => !string.IsNullOrEmpty(f.Value)))
            _sb.Append("<dt>").Append(Encode(name)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");
        _sb.Append("</dl>\n");
        return this;
    }

    public override string ToString() => _sb.ToString();
}
