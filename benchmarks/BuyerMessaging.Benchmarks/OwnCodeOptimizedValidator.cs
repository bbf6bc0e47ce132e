using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Validators;

namespace BuyerMessaging.Benchmarks;

/// <summary>
/// BenchmarkDotNet's optimizations check, for our own assemblies only. Its built-in check fails every benchmark of this
/// project because ONNX Runtime's managed assembly (a package dependency of the semantic re-ranker's benchmarks, not
/// ours to rebuild) is not marked optimized; this one still refuses to measure a Debug build of the benchmarks or of
/// any BuyerMessaging assembly they load.
/// </summary>
internal sealed class OwnCodeOptimizedValidator : IValidator
{
    /// <summary>The default configuration with this check in place of the built-in one.</summary>
    public static IConfig Config { get; } = DefaultConfig.Instance
        .WithOptions(ConfigOptions.DisableOptimizationsValidator)
        .AddValidator(new OwnCodeOptimizedValidator());

    public bool TreatsWarningsAsErrors => true;

    public IEnumerable<BenchmarkDotNet.Validators.ValidationError> Validate(ValidationParameters validationParameters)
    {
        var benchmarks = typeof(OwnCodeOptimizedValidator).Assembly;
        var own = benchmarks.GetReferencedAssemblies()
            .Where(name => name.Name?.StartsWith("BuyerMessaging", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .Prepend(benchmarks);
        foreach (var assembly in own)
        {
            if (assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
            {
                yield return new BenchmarkDotNet.Validators.ValidationError(true, $"{assembly.GetName().Name} is not optimized: run the benchmarks with -c Release.");
            }
        }
    }
}
