using System.Runtime.InteropServices;

namespace MlopsCi.Core.Storage;

/// <summary>
/// Linux fast paths for committing many small files, where system calls are the whole cost. A new object is written
/// as an unnamed file (<c>O_TMPFILE</c>) in its own folder and linked into place only when complete: creation is
/// atomic and put-if-absent (the link fails if the name exists), and a killed writer leaves nothing behind. Reads skip
/// the bookkeeping <see cref="FileStream"/> does (advisory locks, seeks). Where the platform or the file system cannot do
/// this, callers fall back to the portable path.
/// </summary>
internal static partial class LinuxFiles
{
    private const int ReadOnly = 0;
    private const int WriteOnly = 1;
    private const int CloseOnExec = 0x80000;
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkFollow = 0x400;
    private const int FileMode644 = 0b110_100_100;
    private const int ErrorNoEntry = 2;
    private const int ErrorInterrupted = 4;
    private const int ErrorPermission = 1;
    private const int ErrorAccess = 13;
    private const int ErrorExists = 17;

    // O_TMPFILE is __O_TMPFILE | O_DIRECTORY, and O_DIRECTORY differs between architectures.
    private static readonly int TmpFile = !OperatingSystem.IsLinux() ? 0 : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x410000,
        Architecture.Arm64 or Architecture.Arm => 0x404000,
        _ => 0,
    };

    private static volatile bool _unnamedFilesUnsupported;

    /// <summary>
    /// Creates <paramref name="target"/> (in the existing <paramref name="folder"/>) with <paramref name="content"/> if it
    /// does not exist. True when written, false when the name already existed, null when this platform or file system
    /// cannot create unnamed files (the caller should use the portable path).
    /// </summary>
    public static bool? TryCreateIfAbsent(string folder, string target, ReadOnlySpan<byte> content)
    {
        if (TmpFile == 0 || _unnamedFilesUnsupported)
            return null;
        var fd = Open(folder, TmpFile | WriteOnly | CloseOnExec, FileMode644);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is ErrorNoEntry or ErrorAccess or ErrorPermission)
                throw Failure(error, folder);
            _unnamedFilesUnsupported = true;
            return null;
        }

        try
        {
            WriteAll(fd, content, target);
            if (LinkAt(AtCurrentDirectory, "/proc/self/fd/" + fd, AtCurrentDirectory, target, AtSymlinkFollow) == 0)
                return true;
            var error = Marshal.GetLastPInvokeError();
            if (error == ErrorExists)
                return false;
            if (error == ErrorNoEntry && !Directory.Exists("/proc/self/fd"))
            {
                _unnamedFilesUnsupported = true;
                return null;
            }

            throw Failure(error, target);
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
        finally
        {
            _ = Close(fd);
        }
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

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "linkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkAt(int oldDirectory, string oldPath, int newDirectory, string newPath, int flags);
}
