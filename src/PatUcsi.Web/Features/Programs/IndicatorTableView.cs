using PatUcsi.Domain.Reporting;

namespace PatUcsi.Web.Features.Programs;

/// <summary>One official indicator format of a program, for <c>_IndicatorTable</c>.</summary>
public sealed record IndicatorTableView(ProgramReport Report, IndicatorTable Table);
