using System.Runtime.CompilerServices;

namespace ReportArchive.TextIndex;

/// <summary>
/// Decodes one report's positions of one key, ascending: a single position as a fixed-width field, several as
/// Rice-coded gaps (<see cref="SegmentLayout"/>). The caller reads at most as many as the posting's count.
/// </summary>
internal struct PositionReader
{
    private readonly byte[] _data;
    private readonly int _shift;
    private long _bit;
    private int _last;

    /// <param name="shift">The Rice parameter of the gaps, or minus the field width of a single position.</param>
    public PositionReader(byte[] data, long bit, int shift)
    {
        _data = data;
        _bit = bit;
        _shift = shift;
        _last = -1;
    }

    /// <summary>The next position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next()
    {
        if (_shift < 0)
        {
            return PostingEncoding.ReadBits(_data, _bit, -_shift);
        }

        _last += PostingEncoding.ReadRice(_data, ref _bit, _shift) + 1;
        return _last;
    }
}
