using MlopsCi.Cli.Hosting;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await MlopsCli.RunAsync(new Composition(), args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, Environment.CurrentDirectory, cancellation.Token);
