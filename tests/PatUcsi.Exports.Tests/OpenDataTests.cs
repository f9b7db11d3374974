using System.Text;
using System.Text.Json;
using PatUcsi.Exports.OpenData;

namespace PatUcsi.Exports.Tests;

public class OpenDataTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    [Fact]
    public void The_csv_is_utf8_with_bom_one_row_per_indicator_with_its_figures()
    {
        var bytes = IndicatorData.ToCsv(fixture.Report);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split(Environment.NewLine);
        Assert.Equal(25, lines.Length); // the header and 24 indicators
        Assert.StartsWith("ejercicio,unidad,formato,objetivo,lineaDeAccion,actividad,indicador,dimension,tipo,metodoDeCalculo", lines[0]);
        var prep = lines.Single(l => l.Contains(",1.1,", StringComparison.Ordinal));
        Assert.StartsWith("2024,UCSI,Por órgano,1,1.1,Implementar la versión 2 del Programa de Resultados Electorales Preliminares.,Informe de avance de desarrollo,", prep);
        Assert.Contains(",6,Incremento,1,6,5,1,83.3,6,Amarillo,NO CUMPLIDA,2024-07-15", prep); // 5 of 6 programmed: 83.3 % is amarillo
        Assert.Contains(",(Solicitudes de información atendidas / Solicitudes de información turnadas por la DEOE) x 100,", lines.Single(l => l.Contains(",11.1,", StringComparison.Ordinal)));
        // A text with commas is quoted.
        Assert.Contains(",\"Recibir y solucionar los requerimientos de soporte y asesorías técnicas relativas a los equipos de cómputo, software,", lines.Single(l => l.Contains(",9.1,", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_json_lists_every_indicator_with_its_figures()
    {
        var rows = JsonDocument.Parse(IndicatorData.ToJson(fixture.Report)).RootElement.EnumerateArray().ToList();

        Assert.Equal(24, rows.Count);
        var solicitudes = rows.Single(r => r.GetProperty("lineaDeAccion").GetString() == "13.1");
        Assert.Equal(95m, solicitudes.GetProperty("metaAlcanzada").GetDecimal());
        Assert.Equal(95.0m, solicitudes.GetProperty("porcentajeCumplido").GetDecimal());
        Assert.Equal("Objetivos con transversalidad", solicitudes.GetProperty("formato").GetString());
        var nothing = rows.Single(r => r.GetProperty("lineaDeAccion").GetString() == "2.1");
        Assert.Equal(JsonValueKind.Null, nothing.GetProperty("metaAlcanzada").ValueKind);
    }
}
