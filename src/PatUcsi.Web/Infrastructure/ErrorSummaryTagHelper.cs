using System.Net;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatUcsi.Web.Infrastructure;

/// <summary>
/// <c>&lt;error-summary /&gt;</c>: after a failed send, every error of the form in one alert that takes the focus
/// (site.js), each a link to its field (the field's id is its name, sanitized, as <see cref="FieldTagHelper"/>
/// and the capture page write it). Errors of the whole form are listed without a link. Nothing when all is valid.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value?.Errors.Count > 0)
            .SelectMany(e => e.Value!.Errors.Select(error => (Key: e.Key, error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-danger error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "errores-titulo");
        var title = errors.Count == 1 ? "No se pudo continuar: revise este dato." : $"No se pudo continuar: revise estos {errors.Count} datos.";
        output.Content.AppendHtml($"<h2 class=\"h6\" id=\"errores-titulo\">{title}</h2><ul class=\"mb-0\">");
        foreach (var (key, message) in errors)
        {
            var text = WebUtility.HtmlEncode(message);
            output.Content.AppendHtml(key.Length == 0
                ? $"<li>{text}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{text}</a></li>");
        }
        output.Content.AppendHtml("</ul>");
    }
}
