using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// Every generated workbook opens in another spreadsheet program: LibreOffice converts it to PDF headless.
/// Set HEALTHFUNCS_RENDER_DIR to keep the PDFs for a look at how they print.
/// </summary>
public class LibreOfficeTests
{
    public static TheoryData<string> Kinds => ["plan", "plan-period", "result", "form", "province", "export"];

    private static void Write(string kind, Stream stream)
    {
        switch (kind)
        {
            case "plan": PlanAnnexWorkbook.Write(Samples.Plan(), stream); break;
            case "plan-period": PlanAnnexWorkbook.Write(Samples.PlanPeriod(), stream); break;
            case "result": ResultAnnexWorkbook.Write(Samples.Result(), stream); break;
            case "form": DataEntryFormWorkbook.Write(Samples.Form(), stream); break;
            case "province": ProvinceWorkbookWriter.Write(Samples.Consolidated(), stream); break;
            default:
                FlatExport.WriteAsync(stream, Samples.Result().Lines.Where(l => l.Actual is not null)
                    .Select(l => new FlatRow("SD", "Huyện Sơn Dương", l.Indicator.Code, l.Indicator.Name, l.Indicator.Unit, Samples.Half,
                        l.Actual!.Value, l.Actual.Numerator, l.Actual.Denominator, l.Actual.Note))).GetAwaiter().GetResult();
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_workbook_converts_to_pdf(string kind)
    {
        var directory = Directory.CreateTempSubdirectory("hf-soffice-").FullName;
        try
        {
            var file = Path.Combine(directory, kind + ".xlsx");
            using (var stream = File.Create(file)) Write(kind, stream);
            var pdf = Recalculated.Convert(directory, file, "pdf");
            var bytes = File.ReadAllBytes(pdf);
            Assert.True(bytes.Length > 1000);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            if (Environment.GetEnvironmentVariable("HEALTHFUNCS_RENDER_DIR") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                File.Copy(pdf, Path.Combine(keep, kind + ".pdf"), true);
            }
        }
        finally { Directory.Delete(directory, true); }
    }

    [Fact]
    public void A_form_saved_again_by_libreoffice_still_reads_back_by_its_names()
    {
        var directory = Directory.CreateTempSubdirectory("hf-soffice-").FullName;
        try
        {
            var form = new MemoryStream();
            DataEntryFormWorkbook.Write(Samples.Form(), form);
            var filled = FormFill.WithSdk(form, new Dictionary<string, FormFill.Entry> { ["GIUONG"] = new(418), ["XA_TCQG"] = new(83.9m, 26, 31) });
            var file = Path.Combine(directory, "form.xlsx");
            File.WriteAllBytes(file, filled.ToArray());
            var resaved = Recalculated.Convert(directory, file, "xlsx:Calc MS Excel 2007 XML");
            var result = WorkbookUpload.Read(File.OpenRead(resaved), new UploadTarget("SD", Period.FirstHalf(2021), Samples.Indicators));
            Assert.Null(result.Refusal);
            Assert.Equal(UploadSource.Form, result.Source);
            var got = result.Observations.ToDictionary(o => o.IndicatorCode);
            Assert.Equal(418m, got["GIUONG"].Value);
            Assert.Equal((83.9m, 26m, 31m), (got["XA_TCQG"].Value!.Value, got["XA_TCQG"].Numerator!.Value, got["XA_TCQG"].Denominator!.Value));
        }
        finally { Directory.Delete(directory, true); }
    }
}
