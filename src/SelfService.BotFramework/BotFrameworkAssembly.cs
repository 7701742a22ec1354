namespace SelfService.BotFramework;

/// <summary>Marks the assembly, for registrations that scan it.</summary>
public static class BotFrameworkAssembly;
