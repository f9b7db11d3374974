using System.Text.RegularExpressions;
using PatUcsi.Domain.Reporting;
using PatUcsi.Exports.Pdf;

namespace PatUcsi.Exports.Tests;

public partial class PdfTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static readonly string[] SectionsInOrder =
    [
        "MISIÓN", "VISIÓN", "ABREVIATURAS Y SIGLAS", "PRESENTACIÓN", "1. MARCO LEGAL", "2. ESTRUCTURA ORGANIZACIONAL",
        "3. OBJETIVO GENERAL", "4. OBJETIVOS ESPECÍFICOS", "5. LÍNEAS DE ACCIÓN", "6. CRONOGRAMA", "7. INDICADORES Y METAS",
    ];

    private IReadOnlyList<string> Pages(string name, ProgramReport? report = null) =>
        Poppler.Pages(Poppler.Save(ProgramPdf.Build(report ?? fixture.Report), name));

    private static string Flat(string text) => Spaces().Replace(text, " ");

    [Fact]
    public void The_document_has_its_cover_index_and_every_section_in_order()
    {
        var pages = Pages("programa-ucsi-2024.pdf");
        var text = Flat(string.Join(" ", pages));

        Assert.Contains("Programa Anual de Trabajo 2024", Flat(pages[0]));
        Assert.Contains("INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR", Flat(pages[0]));
        Assert.Contains("ÍNDICE", pages[1]);
        var position = text.IndexOf("ÍNDICE", StringComparison.Ordinal) + 6;
        foreach (var section in SectionsInOrder.Skip(1))
        {
            var found = text.IndexOf(section, position + 1, StringComparison.Ordinal);
            Assert.True(found > position, $"{section} missing or out of order");
            position = found;
        }
        Assert.Contains("Fomentar el aprovechamiento de las Tecnologías de Información", text);
        Assert.Contains("DETAISPE Dirección Ejecutiva de Transparencia", text);
        Assert.Contains("Atentamente", text);
        Assert.Contains("La Paz, Baja California Sur, 22 de julio de 2024.", text);
        Assert.Contains("«", Flat(pages.First(p => p.Contains("Conóceles", StringComparison.Ordinal))) + "«"); // accents survive
    }

    [Fact]
    public void The_index_gives_the_real_page_of_each_section()
    {
        var pages = Pages("programa-indice.pdf");
        var index = Flat(pages[1]);

        foreach (var (title, heading) in new[] { ("4. Objetivos específicos", "4. OBJETIVOS ESPECÍFICOS"), ("6. Cronograma", "6. CRONOGRAMA"), ("7. Indicadores y metas", "7. INDICADORES Y METAS") })
        {
            var number = int.Parse(Regex.Match(index, Regex.Escape(title) + @" \.+ (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(heading, pages[number - 1]);
        }
    }

    [Fact]
    public void Every_page_has_the_header_and_a_correct_page_x_of_y()
    {
        var pages = Pages("programa-paginas.pdf");

        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Página {i + 1} de {pages.Count}", pages[i]);
            if (i > 0) Assert.Contains("INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR · Unidad de Cómputo y Servicios Informáticos", Flat(pages[i]));
        }
    }

    [Fact]
    public void Both_indicator_formats_repeat_their_official_headers_on_every_page()
    {
        var pages = Pages("programa-formatos.pdf");
        var byUnit = pages.Where(p => p.Contains("FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO", StringComparison.Ordinal)).ToList();
        var transversal = pages.Where(p => Flat(p).Contains("OBJETIVOS CON TRANSVERSALIDAD", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(byUnit);
        Assert.True(transversal.Count >= 2, "the transversal format spans several pages");
        Assert.All(byUnit, p =>
        {
            foreach (var word in new[] { "NÚMERO", "POLÍTICAS", "ACTIVIDAD", "FRECUENCIA", "MEDICIÓN", "UNIDADES", "CUMPLIDAS", "MOMENTO", "PORCENTAJE", "ESTATUS" })
                Assert.Contains(word, p);
        });
        Assert.All(transversal, p =>
        {
            Assert.Contains("Programa Anual de Trabajo UCSI 2024", Flat(p));
            Assert.Contains("Características del Indicador", Flat(p));
            foreach (var word in new[] { "DIMENSIÓN", "TENDENCIA", "PRESUPUESTO", "VERIFICABLES", "Fórmula", "Tabla" })
                Assert.Contains(word, p);
        });
        // Rows carry the computed figures: 1.1 has five approved documents, 83.3 %.
        var first = Flat(byUnit[0]);
        Assert.Contains("83.3", first);
        Assert.Contains("NO CUMPLIDA", first);
        Assert.Contains("Reportado fuera de plazo: mayo 2024.", Flat(string.Join(" ", byUnit)));
    }

    /// <summary>Every word of every official header is whole on every page of its format (never cut inside a word).</summary>
    [Fact]
    public void Every_header_reads_whole_on_every_page()
    {
        var pages = Pages("programa-encabezados.pdf");
        foreach (var table in IndicatorTable.All)
        {
            var title = table.Format == Domain.Indicators.IndicatorFormat.ByUnit ? OfficialFormats.ByUnitTitle : OfficialFormats.TransversalLabel;
            var formatPages = pages.Where(p => Flat(p).Contains(title, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(formatPages);
            var headerWords = Words(string.Join(" ", table.Headers)).CountBy(w => w).ToList();
            Assert.All(formatPages, page =>
            {
                var printed = Words(page).CountBy(w => w).ToDictionary();
                var cut = headerWords.Where(w => printed.GetValueOrDefault(w.Key) < w.Value).Select(w => w.Key).ToList();
                Assert.True(cut.Count == 0, $"{title}: headers cut at {string.Join(", ", cut)}");
            });
        }
    }

    /// <summary>
    /// Forty objectives of about 400 characters (bold in the cronograma) and one action line longer than a page: every
    /// word of every text is in the PDF, none clipped, and the long line continues on the next page.
    /// </summary>
    [Fact]
    public void No_text_is_ever_clipped_and_a_row_taller_than_a_page_is_split()
    {
        const string sentence = "Coordinar con las áreas del Instituto la integración, revisión y seguimiento de las actividades programadas ";
        var objectives = Enumerable.Range(1, 40).Select(n => $"{n}. " + string.Concat(Enumerable.Repeat(sentence, 4)) + $"fin{n}.").Select((text, i) => new ObjectiveSection(i + 1, text,
            i < 20 ? Domain.Programs.ObjectiveGroup.UnitActivities : Domain.Programs.ObjectiveGroup.Transversal, text, "Línea de acción",
            [new ActionLineItem(i + 1, $"{i + 1}.1", i == 6 ? string.Concat(Enumerable.Repeat(sentence, 90)) + "último." : $"Línea {i + 1}.1 {sentence}",
                1, 12, Domain.Programs.MonthSet.Range(1, 12), true)])).ToList();
        var report = fixture.Report with { Objectives = objectives };

        var pages = Pages("programa-textos-largos.pdf", report);

        var printed = Words(string.Join(" ", pages)).CountBy(w => w).ToDictionary();
        // Each objective is printed in sections 4, 5 and 6; each line in 5 and 6.
        var expected = Words(string.Join(" ", objectives.Select(o => o.Text))).Select(w => (w, 3))
            .Concat(Words(string.Join(" ", objectives.Select(o => o.ActionLines[0].Text))).Select(w => (w, 2)))
            .GroupBy(x => x.w).Select(g => (Word: g.Key, Count: g.Sum(x => x.Item2)));
        var missing = expected.Where(w => printed.GetValueOrDefault(w.Word) < w.Count)
            .Select(w => $"{w.Word} {printed.GetValueOrDefault(w.Word)}/{w.Count}").ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing.Take(20)));
        var schedule = pages.Select((p, i) => (p, i)).Where(x => Flat(x.p).Contains("último.", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.Equal(2, schedule.Count); // the long line ends in section 5 and in section 6, each after a page break
    }

    /// <summary>
    /// What the source document lacks is said as the page says it (its notes, after the index; empty sections point to
    /// them), and a Reducción indicator of the por órgano format, which has no TENDENCIA column, says its direction.
    /// </summary>
    [Fact]
    public void Missing_content_and_a_reduction_are_said()
    {
        var rows = fixture.Report.ByUnitRows.ToList();
        rows[0] = rows[0] with { Trend = Domain.Indicators.Trend.Decrease };
        var report = fixture.Report with { ByUnitRows = rows, Vision = [] };

        var pages = Pages("programa-notas.pdf", report).Select(Flat).ToList();

        Assert.Contains(ProgramReport.SourceNotesTitle + ":", pages[1]);
        Assert.All(report.SourceNotes, n => Assert.Contains(n, pages[1]));
        Assert.Contains("El organigrama de la sección 2", pages[1]);
        Assert.DoesNotContain(pages, p => p.Contains("(Sin contenido.)", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains("VISIÓN", StringComparison.Ordinal) && p.Contains(report.EmptySection, StringComparison.Ordinal));
        var byUnit = string.Join(" ", pages.Where(p => p.Contains(OfficialFormats.ByUnitTitle, StringComparison.Ordinal)));
        Assert.Contains(IndicatorRow.ReductionNote, byUnit);
        Assert.DoesNotContain(IndicatorRow.ReductionNote, string.Join(" ", pages.Where(p => p.Contains(OfficialFormats.TransversalLabel, StringComparison.Ordinal))));
    }

    /// <summary>
    /// Sections 4 and 5 each print an objective as they write it (the source's 14 says "UTA" in 4 and "UCSI" in 5) and
    /// section 5 heads each objective's lines with its own header; a line without months or indicator says so.
    /// </summary>
    [Fact]
    public void Each_section_prints_its_own_wording_and_what_a_line_lacks()
    {
        var text = Flat(string.Join(" ", Pages("programa-ucsi-2024.pdf")));
        string Between(string from, string to) => text[text.IndexOf(from, StringComparison.Ordinal)..text.IndexOf(to, StringComparison.Ordinal)];
        var (objectives, lines, schedule) = (Between("4. OBJETIVOS ESPECÍFICOS", "5. LÍNEAS DE ACCIÓN"),
            Between("5. LÍNEAS DE ACCIÓN", "6. CRONOGRAMA"), Between("6. CRONOGRAMA", "7. INDICADORES Y METAS"));

        var differing = fixture.Report.Objectives.Where(o => o.LinesHeading != o.Text).Select(o => o.Number).ToList();
        Assert.Equal([11, 12, 14, 18], differing);
        foreach (var o in fixture.Report.Objectives)
        {
            Assert.Contains($"{o.Number}. {o.Text}", objectives);
            Assert.Contains($"{o.Number}. {o.LinesHeading} {o.LinesHeader}", lines);
        }
        Assert.Contains("relativo a la UTA.", objectives);
        Assert.DoesNotContain("relativo a la UTA.", lines);
        Assert.Contains("14. Proporcionar información actualizada en la Plataforma Nacional de Transparencia y en el portal institucional, relativo a la UCSI. Líneas de acción", lines);
        Assert.Contains("12. Coadyuvar con la DEOE en la elaboración de la Memoria del PLE 2023-2024. Líneas de Acción", lines);
        Assert.Equal(11, Regex.Count(lines, "Línea de acción 1?[0-9]\\.1"));

        foreach (var number in new[] { "8.2", "18.1", "18.2" })
        {
            var line = fixture.Report.Objectives.SelectMany(o => o.ActionLines).Single(l => l.Number == number);
            Assert.Contains($"{number} {line.Text} (Sin meses programados ni indicador.)", lines);
            Assert.Contains($"{number} {line.Text} (Sin meses programados ni indicador.)", schedule);
        }
        Assert.Equal(6, Regex.Count(text, "Sin meses programados"));
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Fonts_are_embedded_and_a_draft_is_marked()
    {
        var path = Poppler.Save(ProgramPdf.Build(fixture.Report with { State = Domain.Programs.ProgramState.Draft }), "programa-borrador.pdf");

        var fonts = Poppler.Fonts(path);
        Assert.Contains("Segoe WP", fonts);
        Assert.DoesNotContain(" no  ", fonts.Split('\n').Where(l => l.Contains("Segoe", StringComparison.Ordinal)).Select(l => l[37..50]).FirstOrDefault() ?? "");
        Assert.All(fonts.Split('\n').Where(l => l.Contains("Segoe", StringComparison.Ordinal)), l => Assert.Matches(@"\s+yes\s+yes\s+", l));
        var pages = Poppler.Pages(path);
        Assert.All(pages, p => Assert.Contains("BORRADOR", p));
        Assert.DoesNotContain(Pages("programa-aprobado.pdf"), p => p.Contains("BORRADOR", StringComparison.Ordinal));
        Poppler.Images(path, 1, 3);
        // Page images of the annual program too, made here: no test may rely on another's file.
        var annual = Poppler.Save(ProgramPdf.Build(fixture.Report), "programa-ucsi-2024.pdf");
        Poppler.Images(annual, 1, Poppler.Pages(annual).Count);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
