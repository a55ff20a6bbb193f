using System.Runtime.InteropServices;
using MlopsCi.Core.Platform;

namespace MlopsCi.LocalStore.Internal;

/// <summary>
/// Linux fast paths for committing many small files, where system calls are the whole cost. A new object is created
/// under its final name with <c>O_CREAT | O_EXCL</c> and written: three system calls, no temporary name, no rename.
/// A writer killed mid-write can leave a short file under that name; <see cref="LocalFolderStore"/> compares what it
/// finds there with what it meant to write and replaces it when it differs, and no commit refers to an object before
/// its writer returned. (Unnamed files, <c>O_TMPFILE</c> + <c>linkat</c>, avoid the short file but put every file on
/// ext4's orphan list, a global lock with a journal write each: 2–3× slower than git on a journaled file system.)
/// The calls reads share with Core (open, close, read, errno mapping) are Core's <see cref="LinuxCalls"/>.
/// Other platforms use the portable path.
/// </summary>
internal static partial class LinuxFiles
{
    private const int WriteOnly = 1;
    private const int Create = 0x40;
    private const int Exclusive = 0x80;
    private const int Directory = 0x10000;
    private const int FileMode644 = 0b110_100_100;
    private const int ErrorExists = 17;

    /// <summary>
    /// Creates <paramref name="target"/> (in an existing folder) with <paramref name="content"/> if the name is free. True
    /// when written; false when the name already existed (its content is the caller's to check); null on other
    /// platforms. A write that fails part-way removes the file before throwing.
    /// </summary>
    public static bool? TryCreateIfAbsent(string target, ReadOnlySpan<byte> content)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var fd = LinuxCalls.Open(target, Create | Exclusive | WriteOnly | LinuxCalls.CloseOnExec, FileMode644);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == ErrorExists ? false : throw LinuxCalls.Failure(error, target);
        }

        try
        {
            WriteAll(fd, content, target);
        }
        catch
        {
            _ = LinuxCalls.Close(fd);
            File.Delete(target);
            throw;
        }

        if (LinuxCalls.Close(fd) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            File.Delete(target);
            throw LinuxCalls.Failure(error, target);
        }

        return true;
    }

    /// <summary>Flushes a folder's entries (names created or renamed in it) to disk; a no-op on other platforms.</summary>
    public static void SyncFolder(string folder) => SyncThrough(folder, FileSync);

    /// <summary>
    /// Flushes everything written to the file system that holds <paramref name="folder"/> (data and names, by any process)
    /// to disk: one call instead of an fsync per file. A no-op on other platforms.
    /// </summary>
    public static void SyncFileSystem(string folder) => SyncThrough(folder, FileSystemSync);

    private static void SyncThrough(string folder, Func<int, int> sync)
    {
        if (!OperatingSystem.IsLinux())
            return;
        var fd = LinuxCalls.Open(folder, LinuxCalls.ReadOnly | Directory | LinuxCalls.CloseOnExec, 0);
        if (fd < 0)
            throw LinuxCalls.Failure(Marshal.GetLastPInvokeError(), folder);
        try
        {
            if (sync(fd) != 0)
                throw LinuxCalls.Failure(Marshal.GetLastPInvokeError(), folder);
        }
        finally
        {
            _ = LinuxCalls.Close(fd);
        }
    }

    private static unsafe void WriteAll(int fd, ReadOnlySpan<byte> content, string target)
    {
        fixed (byte* start = content)
        {
            var offset = 0;
            while (offset < content.Length)
            {
                var written = Write(fd, start + offset, content.Length - offset);
                if (written >= 0)
                    offset += (int)written;
                else if (Marshal.GetLastPInvokeError() != LinuxCalls.ErrorInterrupted)
                    throw LinuxCalls.Failure(Marshal.GetLastPInvokeError(), target);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FileSync(int fd);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int FileSystemSync(int fd);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nint count);
}
