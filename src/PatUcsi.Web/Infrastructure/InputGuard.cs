using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PatUcsi.Domain.Input;
using PatUcsi.Web.Features.Errors;

namespace PatUcsi.Web.Infrastructure;

/// <summary>
/// Marks an action that shows its own form again with the errors (it checks ModelState itself).
/// Every other POST with invalid input is refused by <see cref="InputGuard"/> before it runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ShowsErrorsInFormAttribute : Attribute;

/// <summary>
/// Runs after authorization, before every POST action. A missing or unreadable concurrency version
/// ("Version", "ReportVersion", "Lines[0].Version") never binds as 0: it is answered as a conflict. Other
/// invalid input is refused with the list of errors (400), unless the action shows them in its form.
/// </summary>
public sealed class InputGuard : IAsyncActionFilter, IOrderedFilter
{
    public const string ConflictMessage =
        "Otra persona guardó cambios mientras usted trabajaba, o la página estaba incompleta. Vuelva a abrir la página para ver la versión actual.";

    /// <summary>After <see cref="ProgramAccessAttribute"/>: who may not act learns nothing about the input.</summary>
    public int Order => 1000;

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var state = context.ModelState;
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method) || state.IsValid) return next();
        SpeakSpanish(context);
        var versionBroken = state.Any(e => e.Value is { Errors.Count: > 0 } && IsVersion(e.Key));
        if (versionBroken)
        {
            context.Result = ErrorsController.Page(context.HttpContext, StatusCodes.Status409Conflict, [ConflictMessage]);
            return Task.CompletedTask;
        }
        if (context.ActionDescriptor.EndpointMetadata.OfType<ShowsErrorsInFormAttribute>().Any()) return next();
        var messages = state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct().Take(20).ToList();
        context.Result = ErrorsController.Page(context.HttpContext, StatusCodes.Status400BadRequest, messages);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The framework reads a dictionary's keys itself (LineComments[5], PeriodGoals[12]) and records a key that is no
    /// number in English on the dictionary's own entry: that error is told in Spanish.
    /// </summary>
    private static void SpeakSpanish(ActionExecutingContext context)
    {
        var dictionaries = context.ActionDescriptor.Parameters
            .SelectMany(p => p.ParameterType.GetProperties())
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            .Select(p => p.Name);
        foreach (var name in dictionaries)
        {
            if (context.ModelState[name] is not { Errors.Count: > 0 } entry) continue;
            entry.Errors.Clear();
            entry.Errors.Add($"Un dato del formulario no es válido ({name}): cada renglón debe nombrar un número de mes o de línea.");
        }
    }

    private static bool IsVersion(string key)
    {
        var field = key[(key.LastIndexOf('.') + 1)..];
        return field is "Version" or "ReportVersion";
    }
}

public enum Limit { Quantity, Threshold }

/// <summary>The range and decimals of a number field (<see cref="NumberLimits"/>), with a Spanish message naming it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NumberLimitAttribute(Limit limit) : ValidationAttribute
{
    public NumberLimits Limits { get; } = limit == Limit.Quantity ? NumberLimits.Quantity : NumberLimits.Threshold;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Limits.Check(value as decimal?) is { } error
            ? new ValidationResult($"{validationContext.DisplayName} {error}.", validationContext.MemberName is { } m ? [m] : null)
            : ValidationResult.Success;
}
