using System.Reflection;

namespace SelfService.BotFramework.Tests;

public sealed class AssemblyTests
{
    [Fact]
    public void The_protocol_library_references_nothing_of_the_product()
    {
        var references = typeof(BotFrameworkAssembly).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain(references, name => name!.StartsWith("SelfService.", StringComparison.Ordinal));
    }
}
