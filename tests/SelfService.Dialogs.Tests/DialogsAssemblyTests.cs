namespace SelfService.Dialogs.Tests;

public sealed class DialogsAssemblyTests
{
    [Fact]
    public void The_conversations_do_not_depend_on_the_web_host()
    {
        var references = DialogsAssembly.Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("SelfService.Web", references);
    }
}
