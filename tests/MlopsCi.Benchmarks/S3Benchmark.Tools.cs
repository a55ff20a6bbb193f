namespace MlopsCi.Benchmarks;

internal sealed partial class S3Benchmark
{
    /// <summary>
    /// <c>aws s3 cp --recursive</c> (Debian awscli) and <c>rclone copy</c> against the same server, default settings, with
    /// configuration from the environment and files under the benchmark's folder only (nothing from ~/.aws or ~/.config).
    /// </summary>
    private sealed class S3Tools
    {
        private readonly string _endpoint;
        private readonly Dictionary<string, string> _environment;

        public S3Tools(string root, string endpoint, string accessKey, string secretKey)
        {
            _endpoint = endpoint;
            var awsConfig = Path.Combine(root, "aws-config");
            File.WriteAllText(awsConfig, "[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n");
            var rcloneConfig = Path.Combine(root, "rclone.conf");
            File.WriteAllText(rcloneConfig, "");
            _environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ACCESS_KEY_ID"] = accessKey,
                ["AWS_SECRET_ACCESS_KEY"] = secretKey,
                ["AWS_CONFIG_FILE"] = awsConfig,
                ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(root, "no-aws-credentials"),
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["AWS_PAGER"] = "",
                // A CA bundle from the machine's environment makes rclone refuse a plain-HTTP endpoint (LoadCustomCABundleError).
                ["AWS_CA_BUNDLE"] = "",
                ["RCLONE_CONFIG"] = rcloneConfig,
                ["RCLONE_CONFIG_CEPH_TYPE"] = "s3",
                ["RCLONE_CONFIG_CEPH_PROVIDER"] = "Ceph",
                ["RCLONE_CONFIG_CEPH_ENDPOINT"] = endpoint,
                ["RCLONE_CONFIG_CEPH_ACCESS_KEY_ID"] = accessKey,
                ["RCLONE_CONFIG_CEPH_SECRET_ACCESS_KEY"] = secretKey,
                ["RCLONE_CONFIG_CEPH_REGION"] = "us-east-1",
            };
        }

        /// <summary>Uploads <paramref name="data"/> and downloads it again; null when the tool is not installed.</summary>
        public async Task<(TimeSpan Up, TimeSpan Down)?> TransferAsync(string tool, string bucket, string data, string output, int files)
        {
            var exe = Find(tool);
            if (exe is null)
                return null;
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
            var aws = tool == "aws";
            var remote = aws ? $"s3://{bucket}/data" : $"ceph:{bucket}/data";
            await MustAsync(exe, aws ? ["s3", "mb", $"s3://{bucket}", "--endpoint-url", _endpoint] : ["mkdir", $"ceph:{bucket}"]);
            var up = await MustAsync(exe, aws ? ["s3", "cp", "--recursive", "--only-show-errors", data, remote, "--endpoint-url", _endpoint] : ["copy", data, remote]);
            var down = await MustAsync(exe, aws ? ["s3", "cp", "--recursive", "--only-show-errors", remote, output, "--endpoint-url", _endpoint] : ["copy", remote, output]);
            CheckCopy(output, files, tool);
            Directory.Delete(output, recursive: true);
            return (up, down);
        }

        /// <summary>
        /// Deletes a bucket and everything in it at once: the test server keeps its data in a 4 GiB memory store shared
        /// with everyone's tests, so a leftover gigabyte can fill it. rclone or aws (batch deletes), else one by one.
        /// </summary>
        public async Task PurgeAsync(string bucket, Func<string, Task> deleteOneByOne)
        {
            if (Find("rclone") is { } rclone
                && (await BenchmarkContext.RunAsync(rclone, ["purge", "--checkers", "32", $"ceph:{bucket}"], Path.GetTempPath(), _environment)).ExitCode == 0)
                return;
            if (Find("aws") is { } aws
                && (await BenchmarkContext.RunAsync(aws, ["s3", "rb", "--force", $"s3://{bucket}", "--endpoint-url", _endpoint], Path.GetTempPath(), _environment)).ExitCode == 0)
                return;
            await deleteOneByOne(bucket);
        }

        public static void CheckCopy(string folder, int files, string what)
        {
            var count = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
            if (count != files)
                throw new InvalidOperationException($"{what} produced {count} files in {folder}, expected {files}.");
        }

        public static async Task<bool> AnswersAsync(string endpoint)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint));
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        private async Task<TimeSpan> MustAsync(string exe, string[] args) =>
            BenchmarkContext.Must($"{Path.GetFileName(exe)} {string.Join(' ', args)}", await BenchmarkContext.RunAsync(exe, args, Path.GetTempPath(), _environment)).Elapsed;

        /// <summary>The Debian package's binary first (a pip-installed aws earlier on PATH is another program), else PATH.</summary>
        private static string? Find(string tool)
        {
            var candidates = new[] { Path.Combine("/usr/bin", tool) }
                .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, tool)));
            return candidates.FirstOrDefault(File.Exists);
        }
    }
}
