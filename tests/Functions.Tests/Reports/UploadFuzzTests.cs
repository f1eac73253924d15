using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Reports;

/// A fixed-seed mutation fuzz of a real data-entry form: whatever the edit, the upload is never a server error.
[Collection(AzuriteCollection.Name)]
public sealed class UploadFuzzTests(AzuriteFixture azurite) : SeededServerTests(azurite)
{
    private static readonly string[] Hostile =
        ["1e400", "-1e29", "NaN", "\"", "<", "&amp;", "&#0;", "=CMD()", new string('9', 40), "rIdMissing", "", "Sheet9", "'", "-", "x:", "$K$1:$K$99999999"];

    [Fact]
    public async Task Two_hundred_mutations_of_a_downloaded_form_never_get_a_server_error()
    {
        var form = await (await D1.GetAsync("/api/units/D1/periods/2021-H1/form.xlsx")).Content.ReadAsByteArrayAsync();
        var random = new Random(15);
        var statuses = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            var mutated = i % 10 == 9 ? FlipBytes(form, random) : MutateXml(form, random);
            var response = await UploadAsync(mutated, i % 2 == 0);
            Assert.True((int)response.StatusCode < 500, $"Mutation {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            statuses.Add(response.StatusCode);
        }
        Assert.Contains(HttpStatusCode.UnprocessableEntity, statuses);
    }

    private Task<HttpResponseMessage> UploadAsync(byte[] bytes, bool dryRun)
    {
        var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(WorkbookStore.XlsxContentType);
        body.Add(file, "file", "bieu.xlsx");
        return D1.PostAsync($"/api/units/D1/periods/2021-H1/upload?dryRun={(dryRun ? "true" : "false")}", body);
    }

    private static byte[] FlipBytes(byte[] source, Random random)
    {
        var copy = (byte[])source.Clone();
        for (var n = random.Next(1, 8); n > 0; n--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    // One XML part of the package edited: an attribute value or a text replaced by a hostile token, or a span cut out.
    private static byte[] MutateXml(byte[] source, Random random)
    {
        var output = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read))
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var target = random.Next(from.Entries.Count);
            for (var e = 0; e < from.Entries.Count; e++)
            {
                var entry = from.Entries[e];
                var text = new StreamReader(entry.Open()).ReadToEnd();
                if (e == target && text.Length > 0)
                {
                    var edits = random.Next(1, 4);
                    for (var k = 0; k < edits; k++)
                    {
                        var at = random.Next(text.Length);
                        var quote = text.IndexOf('"', at);
                        var close = text.IndexOf('>', at);
                        text = random.Next(3) switch
                        {
                            0 when quote >= 0 && text.IndexOf('"', quote + 1) is var end and > 0 =>
                                text[..(quote + 1)] + Hostile[random.Next(Hostile.Length)] + text[end..],
                            1 when close >= 0 && text.IndexOf('<', close) is var lt and > 0 =>
                                text[..(close + 1)] + Hostile[random.Next(Hostile.Length)] + text[lt..],
                            _ => text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)),
                        };
                    }
                }
                using var writer = new StreamWriter(to.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return output.ToArray();
    }
}
