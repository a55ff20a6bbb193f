using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using MlopsCi.Core.Errors;
using MlopsCi.Web.Api;

namespace MlopsCi.Web.Pages;

/// <summary>Failures as a page (or JSON under /api): bad input is 400 with the message; anything else 500 without internals.</summary>
internal static class ErrorPages
{
    public static void Handle(IApplicationBuilder app) => app.Run(async http =>
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message) = error switch
        {
            InvalidInputException e => (StatusCodes.Status400BadRequest, e.Message),
            MlopsException e => (StatusCodes.Status500InternalServerError, e.Message),
            BadHttpRequestException e => (StatusCodes.Status400BadRequest, e.Message),
            _ => (StatusCodes.Status500InternalServerError, "The page failed with an unexpected error (" + error?.GetType().Name + "); run the same read with the mlops command line to see details."),
        };
        http.Response.StatusCode = status;
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await http.Response.WriteAsJsonAsync(new { error = message }, ApiEndpoints.Options);
            return;
        }

        var body = new Html().Heading(status == 400 ? "Not found or not valid" : "Something went wrong").Raw("<p class=\"error\">").Text(message).Raw("</p><p>").Link("/", "Home").Raw("</p>");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(Layout.Page("Error", "", body));
    });
}
