using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PatUcsi.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string Title, string Message, string RequestId);

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
        return Page(StatusCodes.Status500InternalServerError);
    }

    [Route("/error/{status:int}")]
    public IActionResult Status(int status) => Page(status);

    private ViewResult Page(int status)
    {
        var (title, message) = status switch
        {
            404 => ("Página no encontrada", "La dirección no existe o el elemento fue eliminado."),
            403 => ("Acceso denegado", "Su cuenta no tiene permiso para ver o modificar esta información."),
            400 => ("Solicitud no válida", "La solicitud no pudo procesarse. Vuelva a la página anterior e inténtelo de nuevo."),
            _ => ("Ocurrió un error", "No pudimos completar la operación. Si el problema continúa, comunique el número de solicitud al administrador."),
        };
        Response.StatusCode = status;
        return View("Error", new ErrorViewModel(status, title, message, HttpContext.TraceIdentifier));
    }
}
