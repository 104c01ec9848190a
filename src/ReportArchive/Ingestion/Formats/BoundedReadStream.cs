namespace ReportArchive.Ingestion.Formats;

/// <summary>
/// A read-only view of a stream that refuses to give more than a budget of bytes (shared by several streams when
/// they draw from one budget): an inflating zip entry cannot grow past what the budget allows, whatever its header
/// declares. Going past it throws <see cref="InvalidReportFileException"/> with the reason.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, ReadBudget budget) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        budget.Spend(read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
