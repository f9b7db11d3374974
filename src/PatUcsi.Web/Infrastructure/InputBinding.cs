using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using PatUcsi.Domain.Input;

namespace PatUcsi.Web.Infrastructure;

/// <summary>
/// One binder for each kind of value a form posts, so every field of every form is read by the same
/// rules (docs/entrada.md): numbers as <see cref="NumberInput"/> reads them, booleans only as
/// "true"/"false", texts without control characters and within a length no field needs to pass.
/// A value that breaks a rule is a model error naming the field; the form is shown again with it.
/// </summary>
public sealed class InputBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.IsComplexType) return null;
        var type = context.Metadata.UnderlyingOrModelType;
        if (type == typeof(decimal)) return new DecimalBinder();
        if (type == typeof(bool)) return new BooleanBinder();
        if (type == typeof(string)) return new TextBinder();
        if (type == typeof(int)) return new IntegerBinder();
        if (type.IsEnum) return new ChoiceBinder();
        return null;
    }

    /// <summary>Values of a list or dictionary have no name of their own: they take their collection's.</summary>
    /// <summary>What a list or dictionary holds, named from the entry's key ("PeriodGoals[3]" is March's goal).</summary>
    private static readonly Dictionary<string, Func<string, string>> CollectionFields = new()
    {
        ["PeriodGoals"] = key => int.TryParse(key, out var month) && month is >= 1 and <= 12
            ? $"la meta del periodo que termina en {Domain.Programs.Months.Name(month)}"
            : "la meta del periodo",
        ["LineComments"] = _ => "el comentario de la línea",
        ["RemoveEvidence"] = _ => "la evidencia a quitar",
    };

    /// <summary>"Meta", or for a value inside a list or dictionary, what the list holds.</summary>
    internal static string Field(ModelBindingContext context)
    {
        // A dictionary's value is bound as the "Value" property of a pair: its list names it, not its metadata.
        var name = context.ModelName;
        var last = name[(name.LastIndexOf('.') + 1)..];
        var open = last.IndexOf('[', StringComparison.Ordinal);
        if (open > 0 && last.EndsWith(']') && CollectionFields.TryGetValue(last[..open], out var held))
            return held(last[(open + 1)..^1]);
        return context.ModelMetadata.DisplayName ?? context.ModelMetadata.Name ?? "este campo";
    }

    private abstract class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None)
            {
                var metadata = context.ModelMetadata;
                if (metadata.MetadataKind != ModelMetadataKind.Property || !metadata.ModelType.IsValueType || Nullable.GetUnderlyingType(metadata.ModelType) is not null
                    || !WasPosted(context))
                    return Task.CompletedTask;
                if (metadata.ModelType == typeof(bool))
                {
                    // A checkbox that is not ticked sends nothing: that is "no", never the property's default.
                    context.Result = ModelBindingResult.Success(false);
                    return Task.CompletedTask;
                }
                // A number or a choice that was not sent at all is not taken as 0 or as the first choice.
                context.ModelState.TryAddModelError(context.ModelName, $"Falta el valor de {Field(context)}.");
                context.Result = ModelBindingResult.Failed();
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, result);
            var (value, error) = Read(context, result);
            if (error is null)
            {
                context.Result = ModelBindingResult.Success(value);
            }
            else
            {
                // A checkbox converts the posted value again when it is shown: an unreadable one would throw there.
                if (context.ModelMetadata.UnderlyingOrModelType == typeof(bool)) context.ModelState.SetModelValue(context.ModelName, null, result.FirstValue);
                context.ModelState.TryAddModelError(context.ModelName, error);
                context.Result = ModelBindingResult.Failed();
            }
            return Task.CompletedTask;
        }

        protected abstract (object? Value, string? Error) Read(ModelBindingContext context, ValueProviderResult result);

        /// <summary>
        /// Whether the object this property belongs to was posted at all: a list binder probes one element past the
        /// last (Lines[4] of four lines), and a dictionary's key and value are read in two forms; neither is a missing field.
        /// </summary>
        private static bool WasPosted(ModelBindingContext context)
        {
            if (context.ModelMetadata.ContainerType is { IsGenericType: true } container && container.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                return false;
            var name = context.ModelName;
            var dot = name.LastIndexOf('.');
            return dot < 0 || context.ValueProvider.ContainsPrefix(name[..dot]);
        }
    }

    private sealed class DecimalBinder : Binder
    {
        protected override (object? Value, string? Error) Read(ModelBindingContext context, ValueProviderResult result)
        {
            var text = result.FirstValue;
            if (TextRules.Problem(text ?? "") is not null || text?.Length > 60)
                return (null, $"{Field(context)}: escriba solo un número.");
            var (value, error) = NumberInput.Parse(text);
            if (error is not null) return (null, $"«{Shorten(text!.Trim())}» no es un número válido para {Field(context)}: {error}.");
            if (value is null && context.ModelMetadata.ModelType == typeof(decimal)) return (null, $"Escriba {Field(context)}.");
            return (value, null);
        }
    }

    private sealed class BooleanBinder : Binder
    {
        protected override (object? Value, string? Error) Read(ModelBindingContext context, ValueProviderResult result)
        {
            // A checkbox posts "true" before its hidden "false": the first value is the answer; every value must be one of the two.
            bool? first = null;
            foreach (var value in result.Values)
            {
                bool? parsed = value?.Trim().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };
                if (parsed is null) return (null, $"El valor de {Field(context)} debe ser sí o no.");
                first ??= parsed;
            }
            if (first is null && context.ModelMetadata.ModelType == typeof(bool)) return (null, $"Falta el valor de {Field(context)}.");
            return (first, null);
        }
    }

    private sealed class IntegerBinder : Binder
    {
        protected override (object? Value, string? Error) Read(ModelBindingContext context, ValueProviderResult result)
        {
            var text = result.FirstValue?.Trim();
            if (string.IsNullOrEmpty(text))
                return context.ModelMetadata.IsReferenceOrNullableType ? (null, null) : (null, $"Escriba {Field(context)}.");
            return text.Length <= 11 && int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? (value, null)
                : (null, $"«{Shorten(text)}» no es un número entero válido para {Field(context)}.");
        }
    }

    private sealed class ChoiceBinder : Binder
    {
        protected override (object? Value, string? Error) Read(ModelBindingContext context, ValueProviderResult result)
        {
            var text = result.FirstValue?.Trim();
            var type = context.ModelMetadata.UnderlyingOrModelType;
            if (string.IsNullOrEmpty(text))
                return context.ModelMetadata.IsReferenceOrNullableType ? (null, null) : (null, $"Elija {Field(context)}.");
            // By name or by number, but only one of the defined choices.
            return text.Length <= 60 && Enum.TryParse(type, text, ignoreCase: false, out var value) && Enum.IsDefined(type, value!)
                ? (value, null)
                : (null, $"«{Shorten(text)}» no es una de las opciones de {Field(context)}.");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed class TextBinder : Binder
    {
        protected override (object? Value, string? Error) Read(ModelBindingContext context, ValueProviderResult result)
        {
            var text = result.FirstValue;
            if (text is not null && TextRules.Problem(text) is { } problem) return (null, $"{Field(context)}: {problem}.");
            return (string.IsNullOrWhiteSpace(text) && context.ModelMetadata.ConvertEmptyStringToNull ? null : text, null);
        }
    }
}

/// <summary>What no text field accepts, whatever its own length rule says.</summary>
public static class TextRules
{
    /// <summary>Longer than the longest field (a program's section texts, 20,000 characters).</summary>
    public const int MaxLength = 20_000;

    /// <summary>Null for an acceptable text; otherwise the Spanish reason.</summary>
    public static string? Problem(string text)
    {
        if (text.Length > MaxLength) return $"el texto es demasiado largo (máximo {MaxLength:#,##0} caracteres)";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r') continue;
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
                return "contiene caracteres de control que no pueden guardarse";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return "contiene caracteres no válidos";
        }
        return null;
    }
}
