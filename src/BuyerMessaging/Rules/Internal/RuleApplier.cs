using Microsoft.Extensions.Logging;
using NodaTime;

namespace BuyerMessaging.Internal;

/// <summary>Applies a <see cref="RuleOutcome"/> to a conversation, recording one history entry per change with actor "rule:NAME".</summary>
internal static class RuleApplier
{
    public static Conversation Apply(Conversation c, RuleOutcome outcome, Instant now, IReadOnlyList<Folder>? folders, List<ConversationChange> changes, ILogger logger)
    {
        if (outcome.Folder is { } folderDecision)
        {
            var target = folderDecision.Action.Folder!.Value;
            if (SystemFolders.StatusOf(target) is not null)
            {
                c = SetFolder(c, null, folderDecision, now, changes);
            }
            else if (folders is not null && !folders.Any(f => f.Id == target))
            {
                Log.RuleFolderMissing(logger, folderDecision.RuleId, target);
            }
            else
            {
                c = SetFolder(c, target, folderDecision, now, changes);
            }
        }

        if (outcome.Status is { } statusDecision && outcome.TargetStatus is { } status && c.Status != status)
        {
            changes.Add(new(c.Id, now, statusDecision.Actor, ChangeKinds.Status, c.Status.ToString(), status.ToString()));
            c = c with { Status = status };
        }

        if (outcome.Assignee is { } assigneeDecision && c.Assignee != assigneeDecision.Action.Agent)
        {
            changes.Add(new(c.Id, now, assigneeDecision.Actor, ChangeKinds.Assignee, c.Assignee?.Value, assigneeDecision.Action.Agent!.Value.Value));
            c = c with { Assignee = assigneeDecision.Action.Agent };
        }

        if (outcome.NoReplyNeeded is { } noReply && !c.NoReplyNeeded)
        {
            changes.Add(new(c.Id, now, noReply.Actor, ChangeKinds.NoReplyNeeded, "false", "true"));
            c = c with { NoReplyNeeded = true, SlaDueAt = null };
        }

        foreach (var tagDecision in outcome.Tags)
        {
            var tag = tagDecision.Action.Tag!.Trim();
            if (!c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                changes.Add(new(c.Id, now, tagDecision.Actor, ChangeKinds.TagAdded, null, tag));
                c = c with { Tags = [.. c.Tags, tag] };
            }
        }

        return c;
    }

    private static Conversation SetFolder(Conversation c, FolderId? folder, RuleDecision decision, Instant now, List<ConversationChange> changes)
    {
        if (c.FolderId == folder)
        {
            return c;
        }

        changes.Add(new(c.Id, now, decision.Actor, ChangeKinds.Folder, c.FolderId?.Value, folder?.Value));
        return c with { FolderId = folder };
    }
}
