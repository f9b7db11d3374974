using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatUcsi.Web.Infrastructure;

/// <summary>
/// <c>&lt;input errors-for="Lines[0].Value1" …&gt;</c> on a control written by hand (not with &lt;field&gt;): its id is the
/// key sanitized (the error summary links there), and when the key has errors the control is marked invalid,
/// described by its message, and the message follows it.
/// </summary>
[HtmlTargetElement("input", Attributes = "errors-for")]
[HtmlTargetElement("textarea", Attributes = "errors-for")]
public sealed class ErrorsForTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("errors-for")]
    public required string Key { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    /// <summary>The id a control of this key gets, for its label's <c>for</c>.</summary>
    public static string Id(string key) => TagBuilder.CreateSanitizedId(key, "_");

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id(Key);
        output.Attributes.SetAttribute("id", id);
        if (ViewContext.ViewData.ModelState[Key]?.Errors.Count is not > 0) return;
        var css = output.Attributes.TryGetAttribute("class", out var existing) ? existing.Value?.ToString() + " " : "";
        output.Attributes.SetAttribute("class", css + "is-invalid");
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", id + "-error");
        output.PostElement.AppendHtml(generator.GenerateValidationMessage(ViewContext, null, Key, null, "div",
            new { @class = "invalid-feedback d-block", id = id + "-error" }));
    }
}
