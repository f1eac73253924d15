using HealthFuncs.Core.Periods;
using HealthFuncs.Core.Workbooks;

namespace HealthFuncs.Core.Tests.Workbooks;

/// <summary>
/// Every generated workbook opens in another spreadsheet program: LibreOffice renders it to PDF headless, and the
/// pages are kept as PNG under test-results/renders/ (<see cref="Renders"/>) for a look at how they print.
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
    public void Each_workbook_renders_to_pdf_and_its_pages_to_png_kept_as_test_artifacts(string kind)
    {
        using var stream = new MemoryStream();
        Write(kind, stream);
        var pages = Renders.Keep(kind, stream.ToArray());
        Assert.True(File.Exists(Path.Combine(Renders.Folder, kind + ".pdf")));
        // A page at 60 dpi is far more than a blank picture's few hundred bytes.
        Assert.Contains(pages, p => new FileInfo(p).Length > 5000);
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
