using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ReportArchive.Server.Tests.Reliability;

/// <summary>
/// One request over a raw TCP socket, bytes exactly as given (lies, broken framing and all), optionally in pieces
/// with pauses (a slow client) and optionally half-closing the socket after sending (a body cut short): the status
/// code of the response (0 when the server closed the connection without one), its head and body as text.
/// </summary>
internal sealed record RawHttpExchange(int Status, string Head, string Body)
{
    public static async Task<RawHttpExchange> SendAsync(
        IPEndPoint endPoint, IReadOnlyList<byte[]> pieces, TimeSpan pause, bool closeAfterSending, TimeSpan timeout)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cancel = new CancellationTokenSource(timeout);
        await socket.ConnectAsync(endPoint, cancel.Token);
        var received = new MemoryStream();
        var reading = ReadAllAsync(socket, received, cancel.Token);
        try
        {
            foreach (var piece in pieces)
            {
                if (reading.IsCompleted)
                {
                    break; // the server answered (and maybe closed) before the whole request was sent
                }

                await socket.SendAsync(piece, SocketFlags.None, cancel.Token);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, cancel.Token);
                }
            }

            if (closeAfterSending)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (SocketException)
        {
            // the server closed the connection while the request was being sent: read what it answered
        }

        var watch = Stopwatch.StartNew();
        while (!reading.IsCompleted && !HasWholeResponse(received) && watch.Elapsed < timeout)
        {
            await Task.WhenAny(reading, Task.Delay(20, CancellationToken.None));
        }

        return Parse(received.ToArray());
    }

    public static Task<RawHttpExchange> SendAsync(IPEndPoint endPoint, byte[] request, TimeSpan timeout) =>
        SendAsync(endPoint, [request], TimeSpan.Zero, closeAfterSending: true, timeout);

    private static async Task ReadAllAsync(Socket socket, MemoryStream received, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                lock (received)
                {
                    received.Write(buffer, 0, read);
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // reset or timed out: what arrived so far is the answer
        }
    }

    /// <summary>A head and a Content-Length body complete (every response of the server has a Content-Length or is chunked and ends).</summary>
    private static bool HasWholeResponse(MemoryStream received)
    {
        byte[] bytes;
        lock (received)
        {
            bytes = received.ToArray();
        }

        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var head = text[..end];
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.TryParse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture, out var length) && bytes.Length >= end + 4 + length;
            }
        }

        return head.Contains("chunked", StringComparison.OrdinalIgnoreCase) ? text.EndsWith("0\r\n\r\n", StringComparison.Ordinal) : true;
    }

    private static RawHttpExchange Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? "" : text[(end + 4)..];
        var parts = head.Split(' ', 3);
        var status = parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
        return new RawHttpExchange(status, head, body);
    }

    public bool IsProblemJson => Head.Contains("application/problem+json", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Status} {Head.Split("\r\n")[0]} {Body[..Math.Min(Body.Length, 200)]}";
}
