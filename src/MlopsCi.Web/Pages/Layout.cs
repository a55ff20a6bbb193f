namespace MlopsCi.Web.Pages;

/// <summary>The frame of every page: title, navigation, the store's location, a small stylesheet and the sort script.</summary>
internal static class Layout
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}
        header{background:#24292f;color:#fff;padding:8px 20px;display:flex;gap:18px;align-items:center}
        header a{color:#fff;text-decoration:none;font-weight:600}header .store{margin-left:auto;color:#9aa4ae;font-size:12px}
        main{padding:12px 20px;max-width:1400px}
        table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
        th{background:#f6f8fa}th.sortable{cursor:pointer}td.num{text-align:right;font-variant-numeric:tabular-nums}
        code,.mono{font-family:ui-monospace,monospace;font-size:12px}.muted{color:#656d76}
        .better{color:#1a7f37}.worse{color:#cf222e}.added{color:#1a7f37}.deleted{color:#cf222e}.modified{color:#9a6700}
        .error{background:#ffebe9;border:1px solid #ff8182;padding:8px 12px}.warning{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px}.diagonal{font-weight:600}
        dl.facts{display:grid;grid-template-columns:max-content auto;gap:2px 14px}dt{color:#656d76}dd{margin:0}
        .pager a{margin-right:12px}svg{background:#fff;border:1px solid #d0d7de}
        """;

    // Sorting is the only script: every page reads fine without it.
    private const string Script = """
        document.querySelectorAll('table.sortable').forEach(function(t){
          t.querySelectorAll('th').forEach(function(th,i){th.classList.add('sortable');th.title='sort';th.addEventListener('click',function(){
            var b=t.tBodies[0],rows=Array.from(b.rows),asc=th.dataset.dir!=='asc';th.dataset.dir=asc?'asc':'desc';
            var key=function(r){var c=r.cells[i];if(!c)return '';var s=c.dataset.sort!==undefined?c.dataset.sort:c.textContent.trim();var n=parseFloat(s);return s!==''&&!isNaN(n)&&isFinite(s)?n:s.toLowerCase();};
            rows.sort(function(x,y){var a=key(x),c=key(y);if(a===c)return 0;if(typeof a!==typeof c)return typeof a==='number'?-1:1;return (a<c?-1:1)*(asc?1:-1);});
            rows.forEach(function(r){b.appendChild(r);});});});});
        var f=document.getElementById('filter');if(f){f.addEventListener('input',function(){var q=f.value.toLowerCase();
          document.querySelectorAll('table.filterable tbody tr').forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});});}
        """;

    public static string Page(string title, string store, Html body)
    {
        var page = new Html();
        page.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Raw("<title>").Text(title).Raw(" · mlops</title><style>").Raw(Style).Raw("</style></head>\n<body><header>")
            .Link("/", "mlops").Link("/data", "Data").Link("/runs", "Runs").Link("/models", "Models").Link("/hooks", "Hooks").Link("/pulls", "Pull requests").Link("/api", "API")
            .Raw("<span class=\"store\">").Text(store).Raw(" · read-only</span></header>\n<main>")
            .Raw(body.ToString())
            .Raw("</main><script>").Raw(Script).Raw("</script></body></html>\n");
        return page.ToString();
    }
}
