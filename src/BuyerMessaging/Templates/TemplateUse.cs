namespace BuyerMessaging;

/// <summary>A channel's policy member that names a template, such as <c>SmartReply.Templates[0]</c> of channel <c>sakura-amazon-jp</c>.</summary>
/// <param name="ChannelId">The channel whose policies name the template.</param>
/// <param name="Member">
/// The member's path in <see cref="ChannelPolicies"/>: <c>AutoReply.FirstContact.Default</c>,
/// <c>AutoReply.FollowUp.ByMessageType[ReturnRequest]</c>, <c>SmartReply.Templates[1]</c>…; or, in
/// <see cref="TemplateDeletion.Paused"/>, the policy itself (<c>AutoReply</c>, <c>SmartReply</c>).
/// </param>
public sealed record TemplateUse(ChannelId ChannelId, string Member)
{
    /// <inheritdoc />
    public override string ToString() => $"{Member} of channel '{ChannelId}'";
}
