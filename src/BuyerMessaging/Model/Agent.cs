namespace BuyerMessaging;

/// <summary>A person who answers buyers (担当者). Rules assign conversations to agents; templates can sign with their name.</summary>
public sealed record Agent
{
    /// <summary>Gets the agent's identifier.</summary>
    public required AgentId Id { get; init; }

    /// <summary>Gets the agent's name as buyers may see it in a signature.</summary>
    public required string Name { get; init; }
}
