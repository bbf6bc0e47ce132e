namespace BuyerMessaging;

/// <summary>Which template answers a buyer message: one per buyer message type, with a default for the other types.</summary>
public sealed record TemplateSelection
{
    /// <summary>Gets the template for message types without their own; <see langword="null"/> for none (those get no reply).</summary>
    public TemplateId? Default { get; init; }

    /// <summary>Gets the template of each buyer message type that has its own.</summary>
    public IReadOnlyDictionary<BuyerMessageType, TemplateId> ByMessageType { get; init; } = new Dictionary<BuyerMessageType, TemplateId>();

    /// <summary>Gets a value indicating whether no template is selected at all.</summary>
    public bool IsEmpty => Default is null && ByMessageType.Count == 0;

    /// <summary>Creates a selection with only a default template.</summary>
    /// <param name="template">The template.</param>
    /// <returns>The selection.</returns>
    public static TemplateSelection Always(TemplateId template) => new() { Default = template };

    /// <summary>Returns the template for a buyer message type.</summary>
    /// <param name="type">The message type.</param>
    /// <returns>Its own template, else <see cref="Default"/>.</returns>
    public TemplateId? Select(BuyerMessageType type) => ByMessageType.TryGetValue(type, out var id) ? id : Default;

    /// <summary>The templates the selection names, each with its member path: <c>Default</c>, then <c>ByMessageType[Type]</c> by type.</summary>
    internal IEnumerable<(string Member, TemplateId Id)> References()
    {
        if (Default is { } template)
        {
            yield return (nameof(Default), template);
        }

        foreach (var (type, id) in ByMessageType.OrderBy(p => p.Key))
        {
            yield return ($"{nameof(ByMessageType)}[{type}]", id);
        }
    }

    /// <summary>The selection without a template: not the default any more, and no message type's own.</summary>
    internal TemplateSelection Without(TemplateId id) => new()
    {
        Default = Default == id ? null : Default,
        ByMessageType = ByMessageType.Where(p => p.Value != id).ToDictionary(),
    };

    /// <summary>Whether another selection names the same templates for the same message types.</summary>
    internal bool SameAs(TemplateSelection? other) =>
        other is not null && other.Default == Default && other.ByMessageType.Count == ByMessageType.Count
        && ByMessageType.All(p => other.ByMessageType.TryGetValue(p.Key, out var id) && id == p.Value);
}
