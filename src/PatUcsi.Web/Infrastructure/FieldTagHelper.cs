using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatUcsi.Web.Infrastructure;

/// <summary>
/// <c>&lt;field for="Goal" kind="number" hint="…" /&gt;</c>: a labelled input with its hint and its
/// error next to it. What the user typed is shown again after a failed save (it comes from ModelState).
/// Kinds: text (default), password, textarea, number, date, select (with <see cref="Items"/>), checkbox.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("for")]
    public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    public string Kind { get; set; } = "text";
    public IEnumerable<SelectListItem>? Items { get; set; }
    public string? Hint { get; set; }
    public int Rows { get; set; } = 4;
    public string? Css { get; set; }
    public string? Autocomplete { get; set; }

    /// <summary>Focus on arrival, unless the form comes back with errors (the summary takes the focus then).</summary>
    public bool Autofocus { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var invalid = ViewContext.ViewData.ModelState[name]?.Errors.Count > 0;
        var describedBy = string.Join(" ", new[] { Hint is null ? null : $"{id}-hint", invalid ? $"{id}-error" : null }.Where(x => x is not null));
        var attributes = new Dictionary<string, object?> { ["class"] = Kind switch
        {
            "checkbox" => "form-check-input",
            "select" => "form-select",
            _ => "form-control",
        } + (invalid ? " is-invalid" : "") };
        if (describedBy.Length > 0) attributes["aria-describedby"] = describedBy;
        if (invalid) attributes["aria-invalid"] = "true";
        if (Autocomplete is not null) attributes["autocomplete"] = Autocomplete;
        if (Autofocus && ViewContext.ViewData.ModelState.IsValid) attributes["autofocus"] = "autofocus";

        TagBuilder input = Kind switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, 0, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, null, name, Items ?? [], false, attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, null, attributes),
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, null, attributes),
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model,
                For.Metadata.UnderlyingOrModelType == typeof(decimal) ? "{0:0.####}" : For.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? "{0:yyyy-MM-dd}" : null,
                WithType(attributes)),
        };
        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, null,
            new { @class = Kind == "checkbox" ? "form-check-label" : "form-label" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", (Kind == "checkbox" ? "form-check mb-3" : "mb-3") + (Css is null ? "" : " " + Css));
        if (Kind == "checkbox")
        {
            output.Content.AppendHtml(input);
            output.Content.AppendHtml(label);
            // The hidden "false" the checkbox needs when unticked.
            output.PostContent.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name));
        }
        else
        {
            output.Content.AppendHtml(label);
            output.Content.AppendHtml(input);
        }
        if (Hint is not null)
            output.Content.AppendHtml($"<div class=\"form-text\" id=\"{id}-hint\">{System.Net.WebUtility.HtmlEncode(Hint)}</div>");
        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, null, "div", new { @class = "invalid-feedback d-block", id = $"{id}-error" });
        output.Content.AppendHtml(error);
    }

    private Dictionary<string, object?> WithType(Dictionary<string, object?> attributes)
    {
        attributes["type"] = Kind switch { "number" => "text", "date" => "date", _ => "text" };
        if (Kind == "number") attributes["inputmode"] = "decimal"; // a text box, so es-MX input is never rewritten by the browser
        return attributes;
    }
}
