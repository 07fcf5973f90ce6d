using Ebs.Cli;
using Spectre.Console;

using var interrupt = new InterruptSignals();
return await CliApp.RunAsync(args, AnsiConsole.Console, Console.Error, cancellationToken: interrupt.Token);
