using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Platform;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Reads the files of the folder being committed (the user's working folder, whatever the store) safely and fast on
/// Linux: each file is opened without following a link swapped in since the scan, checked to lie inside the folder, and
/// read through that handle. Other platforms get null handles and read by name.
/// </summary>
internal static class WorkingFolderFiles
{
    private const int NonBlocking = 0x800;
    private const int ErrorLoop = 40;

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
        var fd = LinuxCalls.Open(path, LinuxCalls.ReadOnly | NoFollow | NonBlocking | LinuxCalls.CloseOnExec, 0);
        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error == ErrorLoop
                ? new InvalidInputException($"'{path}' turned into a symbolic link while the folder was being committed; links are judged when the folder is scanned and never followed later. Stop whatever changes the folder and commit again; nothing was committed.")
                : LinuxCalls.Failure(error, path);
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
            return LinuxCalls.ReadAll((int)handle.DangerousGetHandle(), expectedSize, path);
        }
        finally
        {
            if (success)
                handle.DangerousRelease();
        }
    }

    /// <summary>Reads a whole file by name (where no handle could be opened), expecting about <paramref name="expectedSize"/> bytes.</summary>
    public static byte[] ReadAllBytes(string path, long expectedSize) => LinuxCalls.ReadAllBytes(path, expectedSize);

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
}
