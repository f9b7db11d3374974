using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Units;

namespace PatUcsi.Domain.Tests;

public class WorkflowTests
{
    private static readonly DateTime OnTime = new(2024, 6, 5, 10, 0, 0, DateTimeKind.Utc);

    private static AnnualProgram Program()
    {
        var program = new AnnualProgram(new Unit("UCSI", "Unidad de Cómputo y Servicios Informáticos"), 2024);
        program.AddObjective(1, "Implementar el PREP.", ObjectiveGroup.UnitActivities).AddActionLine("Implementar el PREP.", 1, 6);
        return program;
    }

    private static PeriodReport SubmittedReport()
    {
        var report = new PeriodReport(Program(), 5);
        report.Record(1, 1, null, "Informe de mayo entregado.");
        report.Submit("capturista", InstituteClock.Default.At(OnTime), 10);
        return report;
    }

    [Fact]
    public void A_draft_report_records_and_replaces_values()
    {
        var report = new PeriodReport(Program(), 5);
        report.Record(1, 1, null, "  primero ");
        report.Record(1, 2, null, "segundo");

        var entry = Assert.Single(report.Entries);
        Assert.Equal(2, entry.Value1);
        Assert.Equal("segundo", entry.Narrative);
        Assert.False(report.IsOfficial);
    }

    [Fact]
    public void An_empty_report_cannot_be_submitted()
    {
        var report = new PeriodReport(Program(), 5);

        Assert.Throws<DomainException>(() => report.Submit("capturista", InstituteClock.Default.At(OnTime), 10));
    }

    [Fact]
    public void A_submitted_report_is_preliminary_and_cannot_be_edited()
    {
        var report = SubmittedReport();

        Assert.True(report.IsPreliminary);
        Assert.False(report.IsOfficial);
        Assert.Equal("capturista", report.SubmittedBy);
        Assert.Throws<DomainException>(() => report.Record(1, 3, null, null));
    }

    [Fact]
    public void Only_an_approved_report_counts_and_it_is_locked()
    {
        var report = SubmittedReport();
        report.Approve("titular", OnTime.AddDays(1));

        Assert.True(report.IsOfficial);
        Assert.False(report.IsPreliminary);
        Assert.Equal("titular", report.ApprovedBy);
        var locked = Assert.Throws<DomainException>(() => report.Record(1, 3, null, null));
        Assert.Contains("bloqueado", locked.Message);
        Assert.Throws<DomainException>(() => report.Approve("titular", OnTime));
        Assert.Throws<DomainException>(() => report.Submit("capturista", InstituteClock.Default.At(OnTime), 10));
    }

    [Fact]
    public void A_draft_cannot_be_approved_or_returned()
    {
        var report = new PeriodReport(Program(), 5);
        report.Record(1, 1, null, null);

        Assert.Throws<DomainException>(() => report.Approve("titular", OnTime));
        Assert.Throws<DomainException>(() => report.Return("titular", OnTime, "no"));
        Assert.Throws<DomainException>(() => report.Reopen("titular", OnTime, "no"));
    }

    [Fact]
    public void Returning_needs_a_comment_and_makes_the_report_editable_with_the_comments_visible()
    {
        var report = SubmittedReport();
        Assert.Throws<DomainException>(() => report.Return("titular", OnTime, " "));

        report.Return("titular", OnTime, null, new Dictionary<int, string> { [1] = "Falta la evidencia." });

        Assert.Equal(ReportState.Returned, report.State);
        Assert.True(report.IsEditable);
        Assert.Equal("Falta la evidencia.", report.Entries[0].ReviewComment);
        report.Record(1, 1, null, "con evidencia");
        report.Submit("capturista", InstituteClock.Default.At(OnTime), 10);
        report.Approve("titular", OnTime);
        Assert.Null(report.Entries[0].ReviewComment);
    }

    [Fact]
    public void Reopening_needs_a_reason_and_the_report_must_be_approved_again()
    {
        var report = SubmittedReport();
        report.Approve("titular", OnTime);
        Assert.Throws<DomainException>(() => report.Reopen("titular", OnTime, ""));

        report.Reopen("titular", OnTime, "Se corrigió el valor.");

        Assert.Equal(ReportState.Draft, report.State);
        Assert.False(report.IsOfficial);
        Assert.Null(report.ApprovedBy);
        Assert.Equal(
            [ReportAction.Submitted, ReportAction.Approved, ReportAction.Reopened],
            report.History.Select(h => h.Action));
        Assert.Equal("Se corrigió el valor.", report.History[^1].Comment);
    }

    [Fact]
    public void A_report_submitted_after_the_grace_days_is_late()
    {
        var report = new PeriodReport(Program(), 5);
        report.Record(1, 1, null, null);

        report.Submit("capturista", InstituteClock.Default.At(new DateTime(2024, 6, 11, 9, 0, 0, DateTimeKind.Utc)), 10);

        Assert.Equal(new DateOnly(2024, 6, 10), report.DueDate(10));
        Assert.True(report.IsLate);
        Assert.False(SubmittedReport().IsLate);
    }

    [Fact]
    public void A_program_goes_draft_submitted_approved_and_is_then_read_only()
    {
        var program = Program();
        program.Submit();
        Assert.Throws<DomainException>(() => program.AddObjective(2, "Otro", ObjectiveGroup.UnitActivities));

        program.Approve(new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(ProgramState.Approved, program.State);
        Assert.False(program.IsEditable);
        Assert.Throws<DomainException>(program.EnsureEditable);
    }

    [Fact]
    public void The_junta_returns_a_program_with_comments_and_reopening_needs_a_reason()
    {
        var program = Program();
        program.Submit();
        Assert.Throws<DomainException>(() => program.Return(""));
        program.Return("Ajustar la meta de 1.1.");
        Assert.Equal(ProgramState.Draft, program.State);
        Assert.Equal("Ajustar la meta de 1.1.", program.ReviewComment);

        program.Submit();
        Assert.Null(program.ReviewComment);
        program.Approve(new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        Assert.Throws<DomainException>(() => program.Reopen(" "));
        program.Reopen("Cambio de metas por acuerdo del Consejo.");
        Assert.True(program.IsEditable);
    }

    [Fact]
    public void An_empty_program_cannot_be_submitted()
    {
        var program = new AnnualProgram(new Unit("DEOE", "Dirección Ejecutiva de Organización Electoral"), 2025);

        Assert.Throws<DomainException>(program.Submit);
    }

    [Fact]
    public void Renumbering_objectives_renumbers_their_action_lines()
    {
        var program = Program();
        var second = program.AddObjective(2, "Segundo", ObjectiveGroup.Transversal);
        second.AddActionLine("Línea");
        var first = program.Objectives[0];

        program.Renumber([second, first]);

        Assert.Equal(1, second.Number);
        Assert.Equal("1.1", second.ActionLines[0].Number);
        Assert.Equal(2, first.Number);
        Assert.Equal("2.1", first.ActionLines[0].Number);
        Assert.Throws<DomainException>(() => program.AddObjective(2, "Repetido", ObjectiveGroup.UnitActivities));
    }

    [Fact]
    public void The_indicator_format_follows_the_objective_group()
    {
        var program = Program();
        var transversal = program.AddObjective(11, "Transversal", ObjectiveGroup.Transversal);

        Assert.Equal(IndicatorFormat.ByUnit, program.Objectives[0].Format);
        Assert.Equal(IndicatorFormat.Transversal, transversal.Format);
    }

    [Fact]
    public void Cancelling_an_indicator_needs_a_justification()
    {
        var indicator = new Indicator(new IndicatorDescription("Indicador", 4), Measurement.MonthlyCount);
        Assert.Throws<DomainException>(() => indicator.Cancel(""));

        indicator.Cancel("El sistema ya no se desarrollará.");

        Assert.True(indicator.IsCancelled);
        indicator.Restore();
        Assert.False(indicator.IsCancelled);
        Assert.Null(indicator.CancellationReason);
    }

    [Fact]
    public void Period_goals_are_set_replaced_and_removed()
    {
        var indicator = new Indicator(new IndicatorDescription("Indicador", 4), Measurement.MonthlyCount);
        indicator.SetPeriodGoal(2, 1);
        indicator.SetPeriodGoal(2, 3);
        indicator.SetPeriodGoal(4, 2);
        indicator.SetPeriodGoal(4, null);

        var goal = Assert.Single(indicator.PeriodGoals);
        Assert.Equal((2, 3m), (goal.LastMonth, goal.Goal));
        Assert.Throws<DomainException>(() => indicator.SetPeriodGoal(2, -1));
    }

    [Fact]
    public void A_comment_on_a_line_outside_the_report_is_no_comment_for_returning_it()
    {
        var report = SubmittedReport();
        var onTime = new DateTime(2024, 6, 5, 10, 0, 0, DateTimeKind.Utc);

        Assert.Throws<DomainException>(() => report.Return("titular", onTime, "", new Dictionary<int, string> { [99999] = "Corrija." }));
        Assert.Equal(ReportState.Submitted, report.State);
        report.Return("titular", onTime, "", new Dictionary<int, string> { [1] = "Corrija.", [99999] = "Ignorado." });
        Assert.Equal("Corrija.", report.Entries.Single().ReviewComment);
    }
}

public class CopyTests
{
    [Fact]
    public void A_new_year_copies_the_content_but_not_progress_comments_or_the_signature_date()
    {
        var unit = new Units.Unit("UCSI", "Unidad de Cómputo y Servicios Informáticos");
        var previous = new AnnualProgram(unit, 2024);
        previous.Describe(new ProgramTexts { Mission = "Misión", Signature = new SignatureBlock { Name = "Titular", Place = "La Paz", Date = new DateOnly(2024, 7, 22) } });
        previous.SetRules(7, Calculation.TrafficLightThresholds.Default with { Green = 85 });
        previous.AddAbbreviation("PREP", "Programa de Resultados Electorales Preliminares");
        var line = previous.AddObjective(3, "Objetivo", ObjectiveGroup.Transversal).AddActionLine("Línea", 2, 5, "3.1");
        line.SetSchedule(MonthSet.Of([2, 4]));
        var indicator = line.SetIndicator(new Indicators.Indicator(new Indicators.IndicatorDescription("Indicador", 4), Indicators.Measurement.MonthlyCount with { Type = Indicators.IndicatorType.Ratio }));
        indicator.SetPeriodGoal(4, 2);
        indicator.Cancel("ya no aplica");
        previous.Submit();
        previous.Approve(new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc));

        var copy = previous.CopyTo(2025);

        Assert.Equal((2025, ProgramState.Draft), (copy.Year, copy.State));
        Assert.Equal(("Misión", 7, 85m), (copy.Mission, copy.GraceDays, copy.GreenThreshold));
        Assert.Equal(("Titular", "La Paz", (DateOnly?)null), (copy.Signature.Name, copy.Signature.Place, copy.Signature.Date));
        Assert.Equal("PREP", Assert.Single(copy.Abbreviations).Acronym);
        var copiedLine = Assert.Single(copy.ActionLines());
        Assert.Equal(("3.1", 2, 4, "2,4"), (copiedLine.Number, copiedLine.FirstMonth, copiedLine.LastMonth, copiedLine.Schedule.ToString()));
        var copied = copiedLine.Indicator!;
        Assert.NotSame(indicator, copied);
        Assert.Equal(("Indicador", 4m, Indicators.IndicatorType.Ratio), (copied.Name, copied.Goal, copied.Type));
        Assert.Same(copiedLine, copied.ActionLine);
        Assert.False(copied.IsCancelled);
        Assert.Equal((4, 2m), (Assert.Single(copied.PeriodGoals).LastMonth, copied.PeriodGoals[0].Goal));
        Assert.NotSame(indicator.PeriodGoals[0], copied.PeriodGoals[0]);
        Assert.Equal(ObjectiveGroup.Transversal, copy.Objectives[0].Group);
    }
}
