using System.Text;
using ReportArchive.Tests.Fixtures;

namespace ReportArchive.Tests.Ingestion;

public sealed class ReportImporterTests
{
    [Fact]
    public async Task Seeds_AreImportedOnce_ThenReportedAsDuplicates()
    {
        using var archive = await TemporaryArchive.WithSeedsAsync();
        var again = await archive.Importer.ImportAsync([RepositoryFiles.SeedsDirectory], null, CancellationToken.None);
        Assert.Empty(again.Imported);
        Assert.Empty(again.Failed);
        Assert.Equal(5, again.Duplicates.Count);
        Assert.Equal(5, archive.Store.Count());
    }

    [Fact]
    public async Task MixedFolder_EachBadFileIsReportedWithItsReason_AndTheRestIsImported()
    {
        using var archive = new TemporaryArchive();
        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "incoming", "nested")).Parent!.FullName;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.Copy(RepositoryFiles.Seed("000"), Path.Combine(folder, "good.txt"));
        File.WriteAllBytes(Path.Combine(folder, "nested", "gbk.md"), Encoding.GetEncoding("GBK").GetBytes(RepositoryFiles.SeedText("001")));
        File.WriteAllBytes(Path.Combine(folder, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(folder, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(folder, "ignored.doc"), "not looked at: .doc is not a supported format");

        var progress = new List<ReportArchive.Ingestion.ImportProgress>();
        var summary = await archive.Importer.ImportAsync(
            [folder, Path.Combine(folder, "missing.txt"), Path.Combine(folder, "ignored.doc")],
            new SynchronousProgress(progress), CancellationToken.None);

        Assert.Equal(["good.txt", "gbk.md"], summary.Imported.Select(f => Path.GetFileName(f.Path)).Order().Reverse().ToArray());
        Assert.Equal(
            [("binary.txt", "binary file (it contains NUL bytes)"), ("empty.txt", "empty file"),
             ("ignored.doc", "unsupported file type '.doc' (supported: .docx, .htm, .html, .md, .pdf, .txt)"), ("missing.txt", "no such file or folder")],
            summary.Failed.Select(f => (Path.GetFileName(f.Path), f.Reason)).Order().ToArray());
        Assert.Equal(2, archive.Store.Count());
        Assert.Equal(6, progress[^1].Done);
        Assert.Equal(6, progress[^1].Total);
        Assert.Equal(1, archive.Search("萝北县").Total);
    }

    [Fact]
    public async Task ManyBatches_AreWrittenInFileOrder_WhilePreparedBatchesWait()
    {
        using var archive = new TemporaryArchive();
        var folder = WriteNumberedReports(archive, 600); // three batches of 256 at most

        var summary = await archive.Importer.ImportAsync([folder], null, CancellationToken.None);

        Assert.Equal(600, summary.Imported.Count);
        Assert.Empty(summary.Failed);
        var ids = summary.Imported.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Id).ToList();
        Assert.Equal(ids.Order(), ids); // batches are written one after another, in file order
        Assert.Equal(600, archive.Store.Count());
        Assert.Equal(ids[599], Assert.Single(archive.Search("编号甲0599乙").Hits).Id);
    }

    [Fact]
    public async Task Cancelled_StopsAfterTheBatchBeingWritten_AndNoBatchIsHalfWritten()
    {
        using var archive = new TemporaryArchive();
        var folder = WriteNumberedReports(archive, 600);
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnFirstWrite(cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => archive.Importer.ImportAsync([folder], progress, cancellation.Token));

        var stored = archive.Store.Count();
        Assert.True(stored is 256 or 512, $"{stored} reports stored: whole batches only, and not all of them");
        Assert.Equal(1, archive.Search("编号甲0000乙").Total);
        Assert.Equal(0, archive.Search("编号甲0599乙").Total);
    }

    /// <summary>Copies of a seed report, each with a line of its own (编号甲NNNN乙), so none is a duplicate.</summary>
    private static string WriteNumberedReports(TemporaryArchive archive, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "numbered")).FullName;
        var text = RepositoryFiles.SeedText("000");
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"report-{i:D4}.txt"), $"{text}\n编号甲{i:D4}乙\n");
        }

        return folder;
    }

    private sealed class CancelOnFirstWrite(CancellationTokenSource cancellation) : IProgress<ReportArchive.Ingestion.ImportProgress>
    {
        public void Report(ReportArchive.Ingestion.ImportProgress value)
        {
            if (value.Imported > 0)
            {
                cancellation.Cancel();
            }
        }
    }

    [Fact]
    public async Task FileThatVanishesBetweenListingAndReading_IsReportedWithItsReason_AndTheRestIsImported()
    {
        using var archive = new TemporaryArchive();
        var folder = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "incoming")).FullName;
        File.Copy(RepositoryFiles.Seed("000"), Path.Combine(folder, "a-stays.txt"));
        File.Copy(RepositoryFiles.Seed("001"), Path.Combine(folder, "b-vanishes.txt"));

        // the first progress report comes once the folder is listed, before any file is read
        var summary = await archive.Importer.ImportAsync([folder], new DeleteOnFirstReport(Path.Combine(folder, "b-vanishes.txt")), CancellationToken.None);

        Assert.Equal(["a-stays.txt"], summary.Imported.Select(f => Path.GetFileName(f.Path)));
        var failure = Assert.Single(summary.Failed);
        Assert.Equal("b-vanishes.txt", Path.GetFileName(failure.Path));
        Assert.StartsWith("cannot read the file: ", failure.Reason, StringComparison.Ordinal);
    }

    private sealed class DeleteOnFirstReport(string path) : IProgress<ReportArchive.Ingestion.ImportProgress>
    {
        public void Report(ReportArchive.Ingestion.ImportProgress value) => File.Delete(path);
    }

    private sealed class SynchronousProgress(List<ReportArchive.Ingestion.ImportProgress> reports) : IProgress<ReportArchive.Ingestion.ImportProgress>
    {
        public void Report(ReportArchive.Ingestion.ImportProgress value) => reports.Add(value);
    }
}
