using System.Runtime.InteropServices;

namespace MlopsCi.Core.Platform;

/// <summary>
/// The libc calls shared by the two places that read files through system calls where they are the whole cost of
/// committing many small files: Core reading the folder being committed (<see cref="Versioning.WorkingFolderFiles"/>)
/// and the local store adapter (MlopsCi.LocalStore, through InternalsVisibleTo) reading back its objects and lock files.
/// One copy of the declarations and of the errno-to-exception mapping, in Core because Core must not depend on an
/// adapter; what only the store does (exclusive creation, syncfs) lives in the adapter. Reads skip the bookkeeping
/// <see cref="FileStream"/> does (advisory locks, seeks). Callers use these on Linux only.
/// </summary>
internal static partial class LinuxCalls
{
    public const int ReadOnly = 0;
    public const int CloseOnExec = 0x80000;
    public const int ErrorInterrupted = 4;
    private const int ErrorNoEntry = 2;
    private const int ErrorPermission = 1;
    private const int ErrorAccess = 13;

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

    /// <summary>Reads the whole file behind an open descriptor, expecting about <paramref name="expectedSize"/> bytes.</summary>
    public static byte[] ReadAll(int fd, long expectedSize, string path)
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

    /// <summary>The exception .NET's own file APIs would throw for <paramref name="error"/> (an errno) on <paramref name="path"/>.</summary>
    public static Exception Failure(int error, string path)
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
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);
}
