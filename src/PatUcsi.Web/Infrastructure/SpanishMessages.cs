using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PatUcsi.Web.Infrastructure;

/// <summary>Model binding's own messages ("The value 'x' is not valid") in Spanish.</summary>
public static class SpanishMessages
{
    public static void Configure(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => "Este campo es obligatorio.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"«{value}» no es un valor válido para {field}.");
        messages.SetValueIsInvalidAccessor(value => $"«{value}» no es un valor válido.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} debe ser un número.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Falta el valor de {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Falta un valor.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Falta el contenido de la solicitud.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"«{value}» no es un valor válido.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "El valor no es válido.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"El valor de {field} no es válido.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "El valor debe ser un número.");
    }
}
