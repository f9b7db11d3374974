using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using PatUcsi.Data;
using PatUcsi.Data.Auditing;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Notifications;
using PatUcsi.Web.Infrastructure;
using PatUcsi.Web.Infrastructure.Email;

namespace PatUcsi.Web.Features.Account;

public sealed class EmailPreferencesForm
{
    [Display(Name = "Informes de avance")]
    public bool Reports { get; set; }

    [Display(Name = "Programa anual")]
    public bool Programs { get; set; }

    [Display(Name = "Recordatorios de entrega")]
    public bool Reminders { get; set; }

    /// <summary>Where the e-mails go; none: only the Pendientes page.</summary>
    [BindNever]
    public string? Address { get; set; }

    /// <summary>Whether this server sends e-mail at all.</summary>
    [BindNever]
    public bool ServerEnabled { get; set; }

    public static EmailPreferencesForm Of(EmailTopics topics) => new()
    {
        Reports = topics.HasFlag(EmailTopics.Reports), Programs = topics.HasFlag(EmailTopics.Programs), Reminders = topics.HasFlag(EmailTopics.Reminders),
    };

    public EmailTopics Topics =>
        (Reports ? EmailTopics.Reports : 0) | (Programs ? EmailTopics.Programs : 0) | (Reminders ? EmailTopics.Reminders : 0);
}

/// <summary>Avisos por correo: each user chooses which e-mails to receive; the Pendientes page shows everything regardless.</summary>
[Route("cuenta/avisos")]
public sealed class EmailPreferencesController(UserManager<AppUser> users, PatDbContext db, IAuditContext audit, IOptions<EmailOptions> email) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await users.GetUserAsync(User) is { } user ? Page(EmailPreferencesForm.Of(user.EmailTopics), user) : Challenge();

    [HttpPost("")]
    public async Task<IActionResult> Index(EmailPreferencesForm form)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var before = user.EmailTopics;
        if (form.Topics != before)
        {
            user.EmailTopics = form.Topics;
            await users.UpdateAsync(user);
            await AccountAudit.SaveAsync(db, User, audit, AuditAction.Update, user.UserName!, Describe(before), Describe(form.Topics));
        }
        TempData["Notice"] = "Se guardaron sus avisos por correo.";
        return Redirect("/cuenta/avisos");
    }

    private ViewResult Page(EmailPreferencesForm form, AppUser user)
    {
        (form.Address, form.ServerEnabled) = (user.Email, email.Value.Enabled);
        return View("~/Features/Account/EmailPreferences.cshtml", form);
    }

    private static string Describe(EmailTopics topics) => $$"""{"EmailTopics":"{{topics}}"}""";
}
