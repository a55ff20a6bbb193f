using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Storage;

/// <summary>
/// Linux fast paths for committing many small files, where system calls are the whole cost. A new object is created
/// under its final name with <c>O_CREAT | O_EXCL</c> and written: three system calls, no temporary name, no rename.
/// A writer killed mid-write can leave a short file under that name; <see cref="LocalFolderStore"/> compares what it
/// finds there with what it meant to write and replaces it when it differs, and no commit refers to an object before
/// its writer returned. (Unnamed files, <c>O_TMPFILE</c> + <c>linkat</c>, avoid the short file but put every file on
/// ext4's orphan list, a global lock with a journal write each: 2–3× slower than git on a journaled file system.)
/// Reads skip the bookkeeping <see cref="FileStream"/> does (advisory locks, seeks). Other platforms use the portable path.
/// </summary>
internal static partial class LinuxFiles
{
    private const int ReadOnly = 0;
    private const int WriteOnly = 1;
    private const int Create = 0x40;
    private const int Exclusive = 0x80;
    private const int CloseOnExec = 0x80000;
    private const int Directory = 0x10000;
    private const int FileMode644 = 0b110_100_100;
    private const int ErrorNoEntry = 2;
    private const int ErrorInterrupted = 4;
    private const int ErrorPermission = 1;
    private const int ErrorAccess = 13;
    private const int ErrorExists = 17;
    private const int ErrorLoop = 40;
    private const int NonBlocking = 0x800;

    // O_NOFOLLOW differs between architectures (asm-generic vs. x86).
    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>
    /// Opens a file of a folder being committed for reading, so that what is read is what the scan saw: the last path
    /// component is never followed if it has become a symbolic link (<c>O_NOFOLLOW</c>), and the opened handle, not the
    /// path, must be a non-folder that lies inside <paramref name="root"/> (a folder on the way replaced by a link to
    /// elsewhere is caught here). Non-blocking, so a FIFO cannot hang the commit. Null on other platforms.
    /// </summary>
    public static SafeFileHandle? OpenInside(string path, string root)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var fd = Open(path, ReadOnly | NoFollow | NonBlocking | CloseOnExec, 0);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error == ErrorLoop
                ? new InvalidInputException($"'{path}' turned into a symbolic link while the folder was being committed; links are judged when the folder is scanned and never followed later. Stop whatever changes the folder and commit again; nothing was committed.")
                : Failure(error, path);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if ((File.GetAttributes(handle) & FileAttributes.Directory) != 0)
                throw new InvalidInputException($"'{path}' turned into a folder while the folder was being committed. Stop whatever changes the folder and commit again; nothing was committed.");
            var opened = OpenedPath(fd);
            if (opened is not null && !opened.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
                throw new InvalidInputException($"'{path}' opened '{opened}', outside the committed folder '{root}' (a folder on its way was replaced by a symbolic link while the folder was being committed). Nothing was committed.");
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>A path that reopens exactly the file behind <paramref name="handle"/>, whatever happens to its name meanwhile.</summary>
    public static string ReopenPath(SafeFileHandle handle) =>
        "/proc/self/fd/" + handle.DangerousGetHandle().ToInt64().ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the whole file behind an open handle, expecting about <paramref name="expectedSize"/> bytes.</summary>
    public static byte[] ReadAllBytes(SafeFileHandle handle, long expectedSize, string path)
    {
        var success = false;
        handle.DangerousAddRef(ref success);
        try
        {
            return ReadAll((int)handle.DangerousGetHandle(), expectedSize, path);
        }
        finally
        {
            if (success)
                handle.DangerousRelease();
        }
    }

    private static string? OpenedPath(int fd)
    {
        try
        {
            return new FileInfo("/proc/self/fd/" + fd.ToString(CultureInfo.InvariantCulture)).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates <paramref name="target"/> (in an existing folder) with <paramref name="content"/> if the name is free. True
    /// when written; false when the name already existed (its content is the caller's to check); null on other
    /// platforms. A write that fails part-way removes the file before throwing.
    /// </summary>
    public static bool? TryCreateIfAbsent(string target, ReadOnlySpan<byte> content)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var fd = Open(target, Create | Exclusive | WriteOnly | CloseOnExec, FileMode644);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == ErrorExists ? false : throw Failure(error, target);
        }

        try
        {
            WriteAll(fd, content, target);
        }
        catch
        {
            _ = Close(fd);
            File.Delete(target);
            throw;
        }

        if (Close(fd) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            File.Delete(target);
            throw Failure(error, target);
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
        var fd = Open(folder, ReadOnly | Directory | CloseOnExec, 0);
        if (fd < 0)
            throw Failure(Marshal.GetLastPInvokeError(), folder);
        try
        {
            if (sync(fd) != 0)
                throw Failure(Marshal.GetLastPInvokeError(), folder);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Reads a whole file whose size was <paramref name="expectedSize"/> when listed (it may have changed since).</summary>
    public static byte[] ReadAllBytes(string path, long expectedSize) =>
        OperatingSystem.IsLinux() ? ReadAll(path, expectedSize) : File.ReadAllBytes(path);

    private static byte[] ReadAll(string path, long expectedSize)
    {
        var fd = Open(path, ReadOnly | CloseOnExec, 0);
        if (fd < 0)
            throw Failure(Marshal.GetLastPInvokeError(), path);
        try
        {
            return ReadAll(fd, expectedSize, path);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static byte[] ReadAll(int fd, long expectedSize, string path)
    {
        // One buffer of the listed size; a file that grew since is read on into a larger one, one that shrank is cut.
        var buffer = new byte[expectedSize];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = ReadInto(fd, buffer.AsSpan(filled), path)) > 0)
            filled += read;
        if (filled < buffer.Length)
            return buffer[..filled];
        Span<byte> probe = stackalloc byte[1];
        if (ReadInto(fd, probe, path) == 0)
            return buffer;
        using var rest = new MemoryStream();
        rest.Write(buffer);
        rest.Write(probe);
        var chunk = new byte[64 * 1024];
        while ((read = ReadInto(fd, chunk, path)) > 0)
            rest.Write(chunk, 0, read);
        return rest.ToArray();
    }

    private static unsafe int ReadInto(int fd, Span<byte> buffer, string path)
    {
        fixed (byte* pointer = buffer)
        {
            while (true)
            {
                var read = Read(fd, pointer, buffer.Length);
                if (read >= 0)
                    return (int)read;
                if (Marshal.GetLastPInvokeError() != ErrorInterrupted)
                    throw Failure(Marshal.GetLastPInvokeError(), path);
            }
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
                else if (Marshal.GetLastPInvokeError() != ErrorInterrupted)
                    throw Failure(Marshal.GetLastPInvokeError(), target);
            }
        }
    }

    private static Exception Failure(int error, string path)
    {
        var message = $"{Marshal.GetPInvokeErrorMessage(error)}: '{path}'";
        return error switch
        {
            ErrorNoEntry => new FileNotFoundException(message, path),
            ErrorAccess or ErrorPermission => new UnauthorizedAccessException(message),
            _ => new IOException(message, error),
        };
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FileSync(int fd);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int FileSystemSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nint count);
}
