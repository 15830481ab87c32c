using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>
/// A TCP listener on 127.0.0.1 that counts the connections it accepts and, optionally, answers each with HTTP headers
/// and then a body trickling one byte per <see cref="TrickleEvery"/>. Bounded: each answer stops after
/// <see cref="MaxTrickleBytes"/> bytes, and everything stops on dispose.
/// </summary>
internal sealed class LoopbackListener : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _trickle;
    private readonly string? _redirectTo;
    private int _accepted;

    public LoopbackListener(bool trickle = false, string? redirectTo = null, string address = "127.0.0.1")
    {
        _trickle = trickle;
        _redirectTo = redirectTo;
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public static TimeSpan TrickleEvery { get; } = TimeSpan.FromMilliseconds(250);

    public const int MaxTrickleBytes = 80; // 20 s at most

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            if (_redirectTo is not null)
            {
                try
                {
                    var stream = client.GetStream();
                    _ = await stream.ReadAsync(new byte[4096], _stop.Token); // the request's first bytes are enough to answer
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: {_redirectTo}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), _stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
                {
                }

                return;
            }

            if (!_trickle)
            {
                return; // close at once: the test only counts the connection
            }

            try
            {
                var stream = client.GetStream();
                var request = new byte[4096];
                _ = await stream.ReadAsync(request, _stop.Token); // the request's first bytes are enough to answer
                var headers = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {MaxTrickleBytes}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(headers), _stop.Token);
                for (var i = 0; i < MaxTrickleBytes; i++)
                {
                    await Task.Delay(TrickleEvery, _stop.Token);
                    await stream.WriteAsync(" "u8.ToArray(), _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
            {
            }
        }
    }
}
