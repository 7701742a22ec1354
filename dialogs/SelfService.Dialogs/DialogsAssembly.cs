namespace SelfService.Dialogs;

/// <summary>The SEND conversations: what the bot understands and what it says.</summary>
public static class DialogsAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(DialogsAssembly).Assembly;
}
