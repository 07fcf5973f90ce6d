using BenchmarkDotNet.Running;
using Ebs.Core.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args);
