using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace BuyerMessaging.Internal;

/// <summary>
/// The tables of what users define at runtime: channel policies, rules (with their revision), agents, templates and
/// favourites. Policies, rules and templates are kept as the core's JSON forms (<see cref="ChannelPoliciesJson"/>,
/// <see cref="RuleJson"/>, <see cref="TemplateJson"/>), so the store follows the model without a column per member.
/// </summary>
internal static class DefinitionSql
{
    private const string RulesRevisionSql = "SELECT value FROM id_sequences WHERE name = 'rules'";

    public static ChannelPolicies? GetPolicies(SqliteSession session, ChannelId channelId)
    {
        var json = session.Command("SELECT json FROM channel_policies WHERE channel_id = $channel_id").Set("$channel_id", channelId.Value).ExecuteScalar();
        return json is string text ? ChannelPoliciesJson.Deserialize(text) : null;
    }

    public static IReadOnlyList<ChannelPolicies> GetAllPolicies(SqliteSession session) =>
        ReadJson(session.Command("SELECT json FROM channel_policies ORDER BY channel_id"), static json => ChannelPoliciesJson.Deserialize(json));

    public static void SavePolicies(SqliteSession session, ChannelPolicies policies) =>
        session.Command("INSERT INTO channel_policies (channel_id, json) VALUES ($channel_id, $json) ON CONFLICT (channel_id) DO UPDATE SET json = excluded.json")
            .Set("$channel_id", policies.ChannelId.Value)
            .Set("$json", ChannelPoliciesJson.Serialize(policies))
            .ExecuteNonQuery();

    /// <summary>
    /// Gets the rules. Rebuilding them from JSON (with their regular expressions) on every ingest would cost more than
    /// the ingest, so the store keeps the last committed set in <paramref name="cache"/> and reuses it while the
    /// revision in the file is the same: committed revisions only go up, so one revision is one set of rules.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="cache">The store's cache, or <see langword="null"/> when the caller's transaction changed rules (its revision may still be rolled back).</param>
    /// <returns>The rules.</returns>
    public static RuleSet GetRules(SqliteSession session, StrongBox<RuleSet?>? cache)
    {
        var revision = (long)session.Command(RulesRevisionSql).ExecuteScalar()!;
        if (cache is not null && Volatile.Read(ref cache.Value) is { } cached && cached.Revision == revision)
        {
            return cached;
        }

        // The running order is Order, then id ordinally (see OrdinalOrder), which SQL's BINARY collation does not give for every id.
        var read = ReadJson(session.Command("SELECT json FROM rules ORDER BY sort_order, id"), static json => RuleJson.Import(json)[0]);
        var rules = new RuleSet(
            Array.AsReadOnly([.. read.OrderBy(r => r.Order).ThenBy(r => r.Id.Value, StringComparer.Ordinal)]),
            revision);
        if (cache is not null)
        {
            Volatile.Write(ref cache.Value, rules);
        }

        return rules;
    }

    public static void SaveRule(SqliteSession session, Rule rule)
    {
        session.Command("INSERT INTO rules (id, sort_order, json) VALUES ($id, $order, $json) ON CONFLICT (id) DO UPDATE SET sort_order = excluded.sort_order, json = excluded.json")
            .Set("$id", rule.Id.Value)
            .Set("$order", rule.Order)
            .Set("$json", RuleJson.Export([rule]))
            .ExecuteNonQuery();
        BumpRulesRevision(session);
    }

    public static bool DeleteRule(SqliteSession session, RuleId id)
    {
        var deleted = session.Command("DELETE FROM rules WHERE id = $id").Set("$id", id.Value).ExecuteNonQuery() > 0;
        if (deleted)
        {
            BumpRulesRevision(session);
        }

        return deleted;
    }

    public static IReadOnlyList<Agent> GetAgents(SqliteSession session)
    {
        using var reader = session.Command("SELECT id, name FROM agents ORDER BY id").ExecuteReader();
        var agents = new List<Agent>();
        while (reader.Read())
        {
            agents.Add(new Agent { Id = new AgentId(reader.GetString(0)), Name = reader.GetString(1) });
        }

        return OrdinalOrder.ById(agents, a => a.Id.Value);
    }

    public static void SaveAgent(SqliteSession session, Agent agent) =>
        session.Command("INSERT INTO agents (id, name) VALUES ($id, $name) ON CONFLICT (id) DO UPDATE SET name = excluded.name")
            .Set("$id", agent.Id.Value)
            .Set("$name", agent.Name)
            .ExecuteNonQuery();

    public static Template? GetTemplate(SqliteSession session, TemplateId id)
    {
        var json = session.Command("SELECT json FROM templates WHERE id = $id").Set("$id", id.Value).ExecuteScalar();
        return json is string text ? ReadTemplate(text) : null;
    }

    public static IReadOnlyList<Template> GetTemplates(SqliteSession session, StoreId? storeId) =>
        OrdinalOrder.ById(
            storeId is { } store
                ? ReadJson(session.Command("SELECT json FROM templates WHERE store_id IS NULL OR store_id = $store_id ORDER BY id").Set("$store_id", store.Value), ReadTemplate)
                : ReadJson(session.Command("SELECT json FROM templates ORDER BY id"), ReadTemplate),
            t => t.Id.Value);

    public static void SaveTemplate(SqliteSession session, Template template) =>
        session.Command("INSERT INTO templates (id, store_id, json) VALUES ($id, $store_id, $json) ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, json = excluded.json")
            .Set("$id", template.Id.Value)
            .Set("$store_id", template.StoreId?.Value)
            .Set("$json", TemplateJson.Export([template]))
            .ExecuteNonQuery();

    public static bool DeleteTemplate(SqliteSession session, TemplateId id) =>
        session.Command("DELETE FROM templates WHERE id = $id").Set("$id", id.Value).ExecuteNonQuery() > 0;

    public static IReadOnlyList<TemplateId> GetFavourites(SqliteSession session, StoreId storeId)
    {
        using var reader = session.Command("SELECT template_id FROM favourites WHERE store_id = $store_id ORDER BY ordinal").Set("$store_id", storeId.Value).ExecuteReader();
        var ids = new List<TemplateId>();
        while (reader.Read())
        {
            ids.Add(new TemplateId(reader.GetString(0)));
        }

        return ids;
    }

    public static void SetFavourites(SqliteSession session, StoreId storeId, IReadOnlyList<TemplateId> templateIds)
    {
        session.Command("DELETE FROM favourites WHERE store_id = $store_id").Set("$store_id", storeId.Value).ExecuteNonQuery();
        var insert = session.Command("INSERT INTO favourites (store_id, ordinal, template_id) VALUES ($store_id, $ordinal, $template_id)").Set("$store_id", storeId.Value);
        for (var i = 0; i < templateIds.Count; i++)
        {
            insert.Set("$ordinal", i).Set("$template_id", templateIds[i].Value).ExecuteNonQuery();
        }
    }

    private static Template ReadTemplate(string json) => TemplateJson.Import(json)[0];

    private static void BumpRulesRevision(SqliteSession session) =>
        session.Execute("UPDATE id_sequences SET value = value + 1 WHERE name = 'rules'");

    private static List<T> ReadJson<T>(SqliteCommand command, Func<string, T> read)
    {
        using var reader = command.ExecuteReader();
        var items = new List<T>();
        while (reader.Read())
        {
            items.Add(read(reader.GetString(0)));
        }

        return items;
    }
}
