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
        Poppler.Images(Path.Combine(Poppler.Folder, "programa-ucsi-2024.pdf"), 1, pages.Count);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
