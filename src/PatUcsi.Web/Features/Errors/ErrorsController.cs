using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PatUcsi.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string Title, string Message, string RequestId, IReadOnlyList<string> Details);

/// <summary>Friendly error pages in Spanish; never a stack trace. The request id matches the log lines.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("/error")]
    public IActionResult Error()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
            logger.LogError(failure.Error, "Error no controlado en {Path}", failure.Path);
        // A body over the size limit is the client's error, not the server's.
        var status = failure?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        return Page(HttpContext, status, []);
    }

    // No parameters: a re-executed request keeps the original body (perhaps too large or unreadable), and binding any
    // parameter would read it as a form. The status comes from the path alone.
    [Route("/error/{status:int}")]
    public IActionResult Status()
    {
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), out var code) && code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        return Page(HttpContext, status, HttpContext.Items[Infrastructure.ErrorDetail.Key] is string detail ? [detail] : []);
    }

    /// <summary>The error page with <paramref name="status"/> and, optionally, what exactly was wrong.</summary>
    public static ViewResult Page(HttpContext http, int status, IReadOnlyList<string> details)
    {
        var (title, message) = status switch
        {
            404 => ("Página no encontrada", "La dirección no existe, el elemento fue eliminado o su cuenta no tiene acceso a él."),
            403 => ("Acceso denegado", "Su cuenta no tiene permiso para ver o modificar esta información."),
            400 => ("Solicitud no válida", "La solicitud no pudo procesarse. Vuelva a la página anterior, corrija los datos e inténtelo de nuevo."),
            409 => ("Cambios simultáneos", "No se guardó nada."),
            413 => ("Archivo o solicitud demasiado grande", "El envío supera el tamaño máximo permitido. Reduzca el tamaño del archivo o envíe menos archivos a la vez."),
            429 => ("Demasiadas solicitudes", "Espere un momento e inténtelo de nuevo."),
            _ => ("Ocurrió un error", "No pudimos completar la operación. Si el problema continúa, comunique el número de solicitud al administrador."),
        };
        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        return new ViewResult
        {
            ViewName = "Error",
            StatusCode = status,
            ViewData = new ViewDataDictionary<ErrorViewModel>(metadata, new ModelStateDictionary())
            {
                Model = new ErrorViewModel(status, title, message, http.TraceIdentifier, details),
            },
        };
    }
}
