using System.Diagnostics;
using System.Globalization;
using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Platform;

namespace MlopsCi.LocalStore.Internal;

/// <summary>
/// The exclusive lock file beside a mutable object of the local store (released by the kernel when its holder dies).
/// The holder writes its process id into it, so a waiter can say whom it waits for; a wait is announced after a second
/// and bounded by a timeout with a message that says so.
/// </summary>
internal static class RefLock
{
    private static readonly TimeSpan AnnounceAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(10);

    public static async Task<IDisposable> AcquireAsync(string lockPath, string what, TimeSpan timeout, Action<string>? notice, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var announced = TimeSpan.Zero;
        var delay = 1;
        while (true)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                RecordHolder(stream);
                return stream;
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                if (clock.Elapsed >= timeout)
                    throw new StorageException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for the lock on {what}{Holder(lockPath)}. If that process is stuck, stop it (the lock goes with it); else retry, or allow longer with MLOPS_LOCK_TIMEOUT (seconds).");
                if (notice is not null && clock.Elapsed >= AnnounceAfter && (announced == TimeSpan.Zero || clock.Elapsed - announced >= AnnounceEvery))
                {
                    announced = clock.Elapsed;
                    notice($"waiting for the ref lock on {what}{Holder(lockPath)}… (up to {timeout.TotalSeconds:0.#} s)");
                }

                await Task.Delay(delay, cancellationToken);
                delay = Math.Min(delay * 2, 20);
            }
        }
    }

    private static void RecordHolder(FileStream stream)
    {
        // Best effort: the pid only makes a waiter's message better; failing to write it must not fail the write.
        try
        {
            stream.SetLength(0);
            stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            stream.Flush();
        }
        catch (IOException)
        {
        }
    }

    private static string Holder(string lockPath)
    {
        try
        {
            // Read without taking the lock (a FileStream would ask for a shared lock and fail).
            var text = Encoding.ASCII.GetString(LinuxCalls.ReadAllBytes(lockPath, 16)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? $" held by pid {pid}" : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
